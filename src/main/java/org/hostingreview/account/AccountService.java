package org.hostingreview.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.audit.Changes;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.FormValidator;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.NotFoundException;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

/** Sign-in, users, teams and passwords. Every change is audited in the same transaction. */
@ApplicationScoped
public class AccountService {

    /** A valid cost-12 hash of a random string: checked for unknown usernames so that they take as long as known ones. */
    private static final String DUMMY_HASH = PasswordPolicy.hash(java.util.UUID.randomUUID().toString());
    private static final int MAX_USERNAME_IN_AUDIT = 60;

    @Inject
    AuditService audit;

    @Inject
    FormValidator forms;

    @Inject
    Clock clock;

    @Inject
    Sessions sessions;

    @Inject
    SignInThrottle throttle;

    @Inject
    ApiCredentials apiCredentials;

    @Inject
    jakarta.enterprise.event.Event<PasswordResetMail.Reset> resetMail;

    /** The outcome of a sign-in: the user and (for the login form) the new session's id, or why it was refused. */
    public record SignIn(Optional<SignedInUser> user, String sessionId, boolean mustChangePassword,
            Optional<Duration> throttledFor, boolean secondFactor) {
        static SignIn refused() {
            return new SignIn(Optional.empty(), null, false, Optional.empty(), false);
        }

        static SignIn throttled(Duration wait) {
            return new SignIn(Optional.empty(), null, false, Optional.of(wait), false);
        }
    }

    private record Candidate(Long id, String hash, boolean active, String username, boolean mustChange, boolean ssoOnly) {
    }

    /**
     * Checks a password sign-in. Refused at once (no hashing) while the account or the address is throttled; the
     * first failure of a burst and the one that throttles are audited, the tries between are only counted. An
     * unknown username is recorded as unknown, never as typed. The password hash is checked outside any
     * transaction.
     */
    public SignIn signIn(String username, String password, String clientAddress, boolean openSession) {
        return signIn(username, password, clientAddress, openSession, true);
    }

    /**
     * A password sign-in over HTTP Basic on {@code /api}: throttled and its failures audited like the login form, but a
     * success is not audited here ({@link ApiCredentials} records API use once per credential and day).
     */
    SignIn signInForApi(String username, String password, String clientAddress) {
        return signIn(username, password, clientAddress, false, false);
    }

    private SignIn signIn(String username, String password, String clientAddress, boolean openSession,
            boolean auditSuccess) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        Candidate candidate = QuarkusTransaction.requiringNew().call(() -> {
            Optional<UserAccount> found = name.isEmpty() || name.length() > 40 ? Optional.empty() : UserAccount.findFull(name);
            // a single-sign-on user has no password here: the dummy hash is checked (same time), and the result ignored
            return found.map(u -> new Candidate(u.id, u.passwordHash == null ? DUMMY_HASH : u.passwordHash, u.active,
                    u.username, u.mustChangePassword, u.passwordHash == null))
                    .orElse(new Candidate(null, DUMMY_HASH, false, null, false, false));
        });
        Optional<Duration> locked = QuarkusTransaction.requiringNew().call(() -> throttle.locked(candidate.id(), clientAddress));
        if (locked.isPresent()) {
            return SignIn.throttled(locked.get());
        }
        boolean passwordOk = PasswordPolicy.matches(password == null ? "" : password, candidate.hash()) && !candidate.ssoOnly();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (candidate.id() != null && passwordOk && candidate.active()) {
                UserAccount user = UserAccount.findFull(candidate.id()).orElseThrow();
                throttle.succeeded(user.id);
                boolean afterReset = user.mustChangePassword || user.resetSignInPending;
                // with two-factor sign-in the session waits for the code, and the sign-in is audited once it is given
                boolean secondFactor = user.totpSecret != null;
                String session = openSession ? sessions.open(user.id, afterReset, secondFactor) : null;
                if (openSession && user.resetSignInPending) {
                    user.resetSignInPending = false; // the mark went to this session
                }
                if (auditSuccess && !secondFactor) {
                    audit.event(AuditAction.LOGIN_SUCCEEDED, user.username).on(AuditEntity.USER, user.id).team(user.team.id)
                            .detail("client", clientAddress)
                            .detail("firstAfterReset", afterReset ? "yes" : null).record();
                }
                return new SignIn(Optional.of(user.signedIn()), session, user.mustChangePassword, Optional.empty(),
                        secondFactor);
            }
            SignInThrottle.Failure failure = throttle.failed(candidate.id(), clientAddress);
            if (failure.audited()) {
                String reason = candidate.id() == null ? "unknown user" : candidate.ssoOnly() ? "single sign-on only (no password)"
                        : !passwordOk ? "wrong password" : "account deactivated";
                boolean locks = failure.lock().isPresent();
                audit.event(locks ? AuditAction.LOGIN_THROTTLED : AuditAction.LOGIN_FAILED, AuditService.ANONYMOUS)
                        .on(AuditEntity.USER, candidate.id())
                        .detail("username", candidate.id() == null ? "(unknown)" : candidate.username())
                        .detail("reason", reason)
                        .detail("failures", String.valueOf(failure.failures()))
                        .detail("lockedForMinutes", failure.lock().map(d -> String.valueOf(SignInThrottle.minutes(d))).orElse(null))
                        .detail("client", clientAddress).record();
            }
            return failure.lock().map(SignIn::throttled).orElseGet(SignIn::refused);
        });
    }

    /** Whether sign-in is refused for this account or address right now, and for how long. */
    public Optional<Duration> throttled(String username, String clientAddress) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        return QuarkusTransaction.requiringNew().call(() -> {
            Long id = name.isEmpty() || name.length() > 40 ? null
                    : UserAccount.<UserAccount>find("username", name).firstResultOptional().map(u -> u.id).orElse(null);
            return throttle.locked(id, clientAddress);
        });
    }

    /**
     * The user behind a session cookie if they are active and the session is live; otherwise why not. One statement
     * and no transaction on every request; a write only when the session is found expired or its user deactivated.
     */
    public SessionCheck session(String username, String sessionId) {
        Optional<Sessions.Seen> found = sessions.seen(username, sessionId);
        if (found.isEmpty()) {
            return new SessionCheck(Optional.empty(), null, false, Sessions.End.UNKNOWN);
        }
        Sessions.Seen seen = found.get();
        if (!seen.active()) {
            sessions.endNow(sessionId, Sessions.End.DEACTIVATED);
            return new SessionCheck(Optional.empty(), null, false, Sessions.End.DEACTIVATED);
        }
        if (!seen.sessionOpen()) {
            return new SessionCheck(Optional.empty(), null, false, seen.sessionUserId() == null ? Sessions.End.UNKNOWN
                    : seen.endReason());
        }
        if (!clock.instant().isBefore(seen.expiresAt())) {
            sessions.endNow(sessionId, Sessions.End.EXPIRED);
            return new SessionCheck(Optional.empty(), null, false, Sessions.End.EXPIRED);
        }
        SignedInUser user = seen.user();
        // two-factor sign-in is for the built-in accounts: a single-sign-on user's provider guards their sign-in
        boolean mustEnrol = !seen.hasSecondFactor() && !seen.singleSignOnUser()
                && (user.roles().contains(Role.ADMIN) || user.roles().contains(Role.REVIEWER)) && seen.twoFactorRequired();
        Sessions.Live live = new Sessions.Live(sessionId, user.id(), seen.afterAdminReset(), seen.secondFactorPending(),
                seen.providerSession());
        return new SessionCheck(Optional.of(user), live, seen.mustChangePassword(), null, mustEnrol, seen.teamsVersion());
    }

    /** What a session cookie stands for now, and the state of the teams ({@code V27_3}) the same statement read. */
    public record SessionCheck(Optional<SignedInUser> user, Sessions.Live live, boolean mustChangePassword,
            Sessions.End ended, boolean mustEnrolSecondFactor, long teamsVersion) {
        SessionCheck(Optional<SignedInUser> user, Sessions.Live live, boolean mustChangePassword, Sessions.End ended) {
            this(user, live, mustChangePassword, ended, false, 0);
        }
    }

    /** The user behind HTTP Basic credentials re-checked elsewhere; kept for callers that only need the account. */
    @Transactional
    public Optional<SignedInUser> activeUser(String username) {
        return UserAccount.findFull(username).filter(u -> u.active).map(UserAccount::signedIn);
    }

    /** Ends the session; returns how to end the identity provider's session too when it was a single sign-on. */
    @Transactional
    public Optional<Sessions.ProviderLogout> signedOut(SignedInUser user, String sessionId) {
        Optional<Sessions.ProviderLogout> provider = Optional.empty();
        if (sessionId != null) {
            provider = sessions.providerLogout(sessionId);
            sessions.end(sessionId, Sessions.End.LOGGED_OUT);
        }
        audit.event(AuditAction.LOGOUT, user.username()).on(AuditEntity.USER, user.id()).team(user.teamId())
                .detail("via", provider.isPresent() ? "single sign-on" : null).record();
        return provider;
    }

    @Transactional(TxType.SUPPORTS)
    public List<UserAccount> users() {
        return UserAccount.listFull();
    }

    @Transactional(TxType.SUPPORTS)
    public UserAccount user(long id) {
        return UserAccount.findFull(id).orElseThrow(() -> new NotFoundException("No such user."));
    }

    @Transactional(TxType.SUPPORTS)
    public List<Team> teams() {
        return Team.allByName();
    }

    /**
     * Every team as a filter's options, by name, the one whose id reads as {@code selected} selected. The options are
     * written once per state of the teams: {@code team_version} ({@code V27_3}) moves with every change to a team, in the
     * changing transaction, and the session check of this request read it. While the kept options are of that state,
     * they are used without a statement; otherwise the version and the teams are read together (one
     * statement, one snapshot). A request without a session check (no signed-in session) reads them that way too. So
     * a new or renamed team shows on the next page anyone loads, and writing 200 options (100x) from 200 rows, a tenth
     * of the review queue's cost, is done once per change.
     */
    @Transactional(TxType.SUPPORTS)
    public io.quarkus.qute.RawString teamOptions(String selected) {
        TeamOptions options = teamOptions;
        Long seen = teamsVersionSeen();
        if (options == null || seen == null || options.version() != seen) {
            Object[] read = (Object[]) Team.getEntityManager()
                    .createNativeQuery("select (select v.version from team_version v where v.id = 1), "
                            + "cast(json_agg(json_build_array(t.id, t.name) order by t.name) as text) from team t")
                    .getSingleResult();
            long version = ((Number) read[0]).longValue();
            if (options == null || options.version() != version) {
                options = new TeamOptions(version, parseTeams(read[1] == null ? "[]" : read[1].toString()));
                teamOptions = options;
            }
        }
        return options.written(selected);
    }

    /** The teams' version this request's session check read, or null outside a signed-in request. */
    private Long teamsVersionSeen() {
        if (!io.quarkus.arc.Arc.container().requestContext().isActive()) {
            return null;
        }
        Object version = identity.getAttribute(AccountIdentityProviders.TEAMS_VERSION_ATTRIBUTE);
        return version instanceof Long v ? v : null;
    }

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /** The options written from one state of the teams: unselected, and with each team selected as it is asked for. */
    private record TeamOptions(long version, List<org.hostingreview.web.SelectOptions.Option> options,
            java.util.Map<String, io.quarkus.qute.RawString> bySelected) {

        TeamOptions(long version, List<org.hostingreview.web.SelectOptions.Option> options) {
            this(version, options, new java.util.concurrent.ConcurrentHashMap<>());
        }

        io.quarkus.qute.RawString written(String selected) {
            String key = selected != null && options.stream().anyMatch(o -> o.value().equals(selected)) ? selected : "";
            io.quarkus.qute.RawString html = bySelected.get(key);
            if (html == null) {
                html = org.hostingreview.web.SelectOptions.of(options.stream()
                        .map(o -> new org.hostingreview.web.SelectOptions.Option(o.value(), o.label(), o.value().equals(key)))
                        .toList());
                if (bySelected.size() < WRITTEN_SELECTIONS) {
                    bySelected.put(key, html);
                }
            }
            return html;
        }
    }

    /** Selections whose options are kept (each a page of options, ~10 KB at 100x); others are written each time. */
    private static final int WRITTEN_SELECTIONS = 64;

    private volatile TeamOptions teamOptions;

    private List<org.hostingreview.web.SelectOptions.Option> parseTeams(String json) {
        try {
            List<org.hostingreview.web.SelectOptions.Option> options = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode team : json_.readTree(json)) {
                options.add(new org.hostingreview.web.SelectOptions.Option(team.get(0).asText(), team.get(1).asText(), false));
            }
            return List.copyOf(options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable teams: " + json, e);
        }
    }

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json_;

    @Transactional
    public UserAccount create(AccountForms.NewUser form, String actor) {
        FormErrors errors = forms.validate(form);
        if (!errors.has("username") && UserAccount.usernameTaken(form.username())) {
            errors.add("username", "That username is taken.");
        }
        Team team = team(form.teamId(), errors);
        Set<Role> roles = roles(form.roles(), errors);
        PasswordPolicy.problem(form.password(), form.username()).ifPresent(p -> errors.add("password", p));
        errors.throwIfAny();

        UserAccount user = new UserAccount();
        user.username = form.username();
        user.displayName = form.displayName().trim();
        user.email = form.email().trim();
        user.team = team;
        user.roles = roles;
        user.passwordHash = PasswordPolicy.hash(form.password());
        user.createdAt = clock.instant();
        user.updatedAt = user.createdAt;
        user.persist();
        audit.event(AuditAction.USER_CREATED, actor).on(AuditEntity.USER, user.id).team(team.id)
                .detail("username", user.username).detail("team", team.name)
                .detail("roles", roleNames(roles)).record();
        return user;
    }

    @Transactional
    public void update(long id, AccountForms.EditUser form, String actor) {
        UserAccount user = user(id);
        FormErrors errors = forms.validate(form);
        Team team = team(form.teamId(), errors);
        Set<Role> roles = roles(form.roles(), errors);
        if (user.username.equals(actor) && user.has(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            errors.add("roles", "You cannot remove your own Admin role.");
        }
        if (user.username.equals(actor) && !user.roles.containsAll(roles)) {
            errors.add("roles", "You cannot grant yourself a role: another admin has to.");
        }
        errors.throwIfAny();
        checkVersion(user, form.version());

        Changes changes = new Changes()
                .field("displayName", user.displayName, form.displayName().trim())
                .field("email", user.email, form.email().trim())
                .field("team", user.team.name, team.name)
                .field("roles", roleNames(user.roles), roleNames(roles));
        boolean backToGroups = user.singleSignOn() && user.ssoRolesSetByAdmin && form.backToGroups();
        if (changes.isEmpty() && !backToGroups) {
            return;
        }
        boolean keepsAdminChoice = user.singleSignOn() && !user.ssoRolesSetByAdmin && !form.backToGroups()
                && (changes.asMap().containsKey("team") || changes.asMap().containsKey("roles"));
        if (keepsAdminChoice) {
            // the admin's team and roles win over the provider's groups from now on
            user.ssoRolesSetByAdmin = true;
        } else if (backToGroups) {
            // the next sign-in takes team and roles from the provider's groups again
            user.ssoRolesSetByAdmin = false;
        }
        user.displayName = form.displayName().trim();
        user.email = form.email().trim();
        user.team = team;
        user.roles.clear();
        user.roles.addAll(roles);
        user.updatedAt = clock.instant();
        apiCredentials.forgetUserNowAndAfterCommit(user.id);
        audit.event(AuditAction.USER_UPDATED, actor).on(AuditEntity.USER, user.id).team(team.id)
                .detail("username", user.username).changes(changes)
                .detail("teamAndRoles", keepsAdminChoice ? "set by an admin, kept over the identity provider's groups"
                        : backToGroups ? "from the identity provider's groups again, from the next sign-in" : null)
                .record();
    }

    @Transactional
    public void setActive(long id, boolean active, String actor) {
        UserAccount user = user(id);
        if (!active && user.username.equals(actor)) {
            throw new InvalidInputException("active", "You cannot deactivate your own account.");
        }
        if (user.active == active) {
            return;
        }
        user.active = active;
        user.updatedAt = clock.instant();
        if (!active) {
            sessions.endAll(user.id, Sessions.End.DEACTIVATED, null);
        }
        audit.event(active ? AuditAction.USER_REACTIVATED : AuditAction.USER_DEACTIVATED, actor)
                .on(AuditEntity.USER, user.id).team(user.team.id).detail("username", user.username).record();
    }

    @Transactional
    public void resetPassword(long id, AccountForms.PasswordReset form, String actor) {
        UserAccount user = user(id);
        if (user.singleSignOn()) {
            throw new InvalidInputException("newPassword", "This user signs in with single sign-on and has no password here.");
        }
        PasswordPolicy.problem(form.newPassword(), user.username).ifPresent(p -> {
            throw new InvalidInputException("newPassword", p);
        });
        user.passwordHash = PasswordPolicy.hash(form.newPassword());
        user.mustChangePassword = true;
        user.updatedAt = clock.instant();
        int ended = sessions.endAll(user.id, Sessions.End.PASSWORD_RESET, null);
        resetMail.fire(new PasswordResetMail.Reset(user.username, user.displayName, user.email, actor));
        audit.event(AuditAction.PASSWORD_RESET, actor).detail("sessionsEnded", String.valueOf(ended)).on(AuditEntity.USER, user.id).team(user.team.id)
                .detail("username", user.username).record();
    }

    @Transactional
    public void changeOwnPassword(SignedInUser me, AccountForms.PasswordChange form) {
        UserAccount user = user(me.id());
        if (user.singleSignOn()) {
            throw new InvalidInputException("currentPassword", "You sign in with single sign-on: there is no password to change here.");
        }
        FormErrors errors = forms.validate(form);
        if (!errors.has("currentPassword") && !PasswordPolicy.matches(form.currentPassword(), user.passwordHash)) {
            errors.add("currentPassword", "That is not your current password.");
        }
        PasswordPolicy.problem(form.newPassword(), user.username).ifPresent(p -> errors.add("newPassword", p));
        if (!errors.has("newPassword") && !form.newPassword().equals(form.confirmPassword())) {
            errors.add("confirmPassword", "The two new passwords differ.");
        }
        if (!errors.has("newPassword") && user.mustChangePassword && PasswordPolicy.matches(form.newPassword(), user.passwordHash)) {
            errors.add("newPassword", "Choose a password of your own, not the one you were given.");
        }
        errors.throwIfAny();
        user.passwordHash = PasswordPolicy.hash(form.newPassword());
        if (user.mustChangePassword) {
            user.resetSignInPending = true; // whoever chose this password may be the admin who reset the old one
        }
        user.mustChangePassword = false;
        user.updatedAt = clock.instant();
        // every session of the account ends, this one too: the user signs in again with the new password
        int ended = sessions.endAll(user.id, Sessions.End.PASSWORD_CHANGED, null);
        audit.event(AuditAction.PASSWORD_CHANGED, user.username).on(AuditEntity.USER, user.id).team(user.team.id)
                .detail("sessionsEnded", String.valueOf(ended)).record();
    }

    @Transactional
    public Team createTeam(AccountForms.NewTeam form, String actor) {
        FormErrors errors = forms.validate(form);
        String name = form.name() == null ? "" : form.name().trim();
        if (!errors.has("name") && Team.findByName(name) != null) {
            errors.add("name", "A team with that name exists.");
        }
        errors.throwIfAny();
        Team team = createTeam(name);
        audit.event(AuditAction.TEAM_CREATED, actor).on(AuditEntity.TEAM, team.id).team(team.id).detail("name", name).record();
        return team;
    }

    /** Creates a team without auditing; for callers that audit the surrounding operation themselves. */
    @Transactional(TxType.MANDATORY)
    Team createTeam(String name) {
        Team team = new Team();
        team.name = name;
        team.createdAt = clock.instant();
        team.persist();
        return team;
    }

    private static Team team(String teamId, FormErrors errors) {
        if (errors.has("teamId")) {
            return null;
        }
        Team team = null;
        try {
            team = Team.findById(Long.parseLong(teamId.trim()));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (team == null) {
            errors.add("teamId", "Choose one of the listed teams.");
        }
        return team;
    }

    private static Set<Role> roles(List<String> names, FormErrors errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.add("roles", "Unknown role.");
            }
        }
        if (roles.isEmpty()) {
            errors.add("roles", "Choose at least one role.");
        }
        return roles;
    }

    private static List<String> roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Enum::name).toList();
    }

    private static void checkVersion(UserAccount user, String version) {
        if (version == null || !version.equals(String.valueOf(user.version))) {
            throw new OptimisticLockException("This user changed since you opened the page.");
        }
    }

    /** For start-up seeding: a user with a known password, audited as the system. */
    @Transactional(TxType.MANDATORY)
    UserAccount seedUser(String username, String displayName, String email, Team team, Set<Role> roles, String password) {
        UserAccount user = new UserAccount();
        user.username = username;
        user.displayName = displayName;
        user.email = email;
        user.team = team;
        user.roles = EnumSet.copyOf(roles);
        user.passwordHash = PasswordPolicy.hash(password);
        Instant now = clock.instant();
        user.createdAt = now;
        user.updatedAt = now;
        user.persist();
        audit.event(AuditAction.USER_CREATED, AuditService.SYSTEM).on(AuditEntity.USER, user.id).team(team.id)
                .detail("username", username).detail("team", team.name).detail("roles", roleNames(roles)).record();
        return user;
    }
}
