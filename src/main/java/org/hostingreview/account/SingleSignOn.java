package org.hostingreview.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.audit.Changes;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

/**
 * A sign-in through the identity provider (OpenID Connect) ends in the same server-side session as the login form's.
 * The user is the issuer's subject: found by it, or created on the first sign-in (never matched by e-mail or username,
 * so an account here cannot be taken over by someone who names themselves alike at the provider). Team and roles come
 * from the token's groups ({@link GroupMapping}) on every sign-in, until an admin sets them on the Users page: then
 * the admin's choice wins and is kept.
 */
@ApplicationScoped
public class SingleSignOn {

    /** What the sign-in needs from the ID token (and the provider's metadata). */
    public record Claims(String issuer, String subject, String preferredUsername, String name, String email,
            List<String> groups) {
    }

    /** Why a sign-in through the provider was refused, shown on the login page. */
    public enum Refusal {
        NO_TEAM, DEACTIVATED
    }

    /** A session for the user, or why not. */
    public record Outcome(Optional<SignedInUser> user, String sessionId, Optional<Refusal> refused) {
    }

    @Inject
    HostingReviewConfig config;

    @Inject
    AuditService audit;

    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

    @Inject
    ApiCredentials apiCredentials;

    @Inject
    java.time.Clock clock;

    private volatile GroupMapping mapping;

    /** A malformed {@code OIDC_GROUPS} stops the start with a message naming the entry. */
    void check(@Observes StartupEvent start) {
        if (config.oidc().enabled()) {
            mapping();
        }
    }

    GroupMapping mapping() {
        GroupMapping m = mapping;
        if (m == null) {
            m = GroupMapping.parse(config.oidc().groups().orElse(""));
            mapping = m;
        }
        return m;
    }

    public String providerName() {
        return config.oidc().providerName();
    }

    /**
     * Signs in the subject of {@code claims}: finds or creates the user, applies the groups unless an admin set team and
     * roles, opens a session that remembers how to log out at the provider, and audits it all in one transaction.
     */
    @Transactional
    public Outcome signIn(Claims claims, String endSessionUrl, String idToken, String clientAddress) {
        GroupMapping.Mapped mapped = mapping().map(claims.groups() == null ? List.of() : claims.groups());
        Optional<UserAccount> found = UserAccount.findBySubject(claims.issuer(), claims.subject());
        UserAccount user;
        if (found.isEmpty()) {
            if (mapped.team().isEmpty()) {
                return refuse(null, claims, Refusal.NO_TEAM, clientAddress);
            }
            user = create(claims, mapped);
        } else {
            user = found.get();
            if (!user.active) {
                return refuse(user, claims, Refusal.DEACTIVATED, clientAddress);
            }
            if (!user.ssoRolesSetByAdmin && mapped.team().isEmpty()) {
                return refuse(user, claims, Refusal.NO_TEAM, clientAddress);
            }
            refresh(user, claims, mapped);
        }
        String session = sessions.openSingleSignOn(user.id, endSessionUrl, idToken);
        audit.event(AuditAction.LOGIN_SUCCEEDED, user.username).on(AuditEntity.USER, user.id).team(user.team.id)
                .detail("via", "single sign-on").detail("issuer", claims.issuer())
                .detail("client", clientAddress).record();
        return new Outcome(Optional.of(user.signedIn()), session, Optional.empty());
    }

    private Outcome refuse(UserAccount user, Claims claims, Refusal why, String clientAddress) {
        audit.event(AuditAction.LOGIN_FAILED, AuditService.ANONYMOUS).on(AuditEntity.USER, user == null ? null : user.id)
                .detail("username", user == null ? "(new single-sign-on user)" : user.username)
                .detail("via", "single sign-on").detail("issuer", claims.issuer())
                .detail("reason", why == Refusal.NO_TEAM ? "no group maps to a team" : "account deactivated")
                .detail("client", clientAddress).record();
        return new Outcome(Optional.empty(), null, Optional.of(why));
    }

    private UserAccount create(Claims claims, GroupMapping.Mapped mapped) {
        Team team = teamNamed(mapped.team().get());
        UserAccount user = new UserAccount();
        user.username = freeUsername(claims);
        user.displayName = displayName(claims, user.username);
        user.email = claims.email() == null ? "" : claims.email().strip();
        user.team = team;
        user.roles = EnumSet.copyOf(mapped.roles());
        user.passwordHash = null;
        user.ssoIssuer = claims.issuer();
        user.ssoSubject = claims.subject();
        Instant now = clock.instant();
        user.createdAt = now;
        user.updatedAt = now;
        user.persist();
        audit.event(AuditAction.USER_CREATED, AuditService.SYSTEM).on(AuditEntity.USER, user.id).team(team.id)
                .detail("username", user.username).detail("team", team.name).detail("roles", names(user.roles))
                .detail("via", "single sign-on").detail("issuer", claims.issuer()).detail("subject", claims.subject())
                .record();
        return user;
    }

    /** Name and e-mail follow the provider; team and roles follow its groups unless an admin set them. */
    private void refresh(UserAccount user, Claims claims, GroupMapping.Mapped mapped) {
        String displayName = displayName(claims, user.username);
        String email = claims.email() == null ? user.email : claims.email().strip();
        Changes changes = new Changes().field("displayName", user.displayName, displayName).field("email", user.email, email);
        Team team = user.team;
        Set<Role> roles = user.roles;
        if (!user.ssoRolesSetByAdmin) {
            team = user.team.name.equals(mapped.team().get()) ? user.team : teamNamed(mapped.team().get());
            roles = mapped.roles();
            changes.field("team", user.team.name, team.name).field("roles", names(user.roles), names(roles));
        }
        if (changes.isEmpty()) {
            return;
        }
        user.displayName = displayName;
        user.email = email;
        user.team = team;
        if (!user.roles.equals(roles)) {
            user.roles.clear();
            user.roles.addAll(roles);
        }
        user.updatedAt = clock.instant();
        apiCredentials.forgetUserNowAndAfterCommit(user.id);
        audit.event(AuditAction.USER_UPDATED, AuditService.SYSTEM).on(AuditEntity.USER, user.id).team(team.id)
                .detail("username", user.username).detail("via", "single sign-on").changes(changes).record();
    }

    /** The mapped team; created (and audited) the first time someone of its group signs in. */
    private Team teamNamed(String name) {
        Team team = Team.findByName(name);
        if (team != null) {
            return team;
        }
        team = accounts.createTeam(name);
        audit.event(AuditAction.TEAM_CREATED, AuditService.SYSTEM).on(AuditEntity.TEAM, team.id).team(team.id)
                .detail("name", name).detail("via", "single sign-on").record();
        return team;
    }

    /** The provider's preferred username made to fit ours (lower case, no spaces), with a number when it is taken. */
    static String usernameFrom(String preferred, String subject) {
        String base = (preferred == null || preferred.isBlank() ? "sso-" + subject : preferred).strip()
                .toLowerCase(Locale.ROOT).replaceAll("@.*$", "").replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "");
        if (base.length() < 2) {
            base = "sso-" + base;
        }
        return base.length() > 34 ? base.substring(0, 34) : base;
    }

    private static String freeUsername(Claims claims) {
        String base = usernameFrom(claims.preferredUsername(), claims.subject());
        String candidate = base;
        for (int n = 2; UserAccount.usernameTaken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static String displayName(Claims claims, String username) {
        return claims.name() == null || claims.name().isBlank() ? username : claims.name().strip();
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().sorted().map(Enum::name).toList();
    }
}
