package org.hostingreview.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

/** A person who can sign in. Deactivated users keep their history but cannot sign in. */
@Entity
@Table(name = "app_user")
public class UserAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String email;

    /** Null for a user who signs in with single sign-on only (no password here: the login form and HTTP Basic refuse). */
    @Column(name = "password_hash")
    public String passwordHash;

    /** The identity provider's issuer and subject of a single-sign-on user (both null for a built-in account). */
    @Column(name = "sso_issuer")
    public String ssoIssuer;

    @Column(name = "sso_subject")
    public String ssoSubject;

    /** An admin set this single-sign-on user's team or roles: kept, the token's groups no longer change them. */
    @Column(name = "sso_roles_set_by_admin", nullable = false)
    public boolean ssoRolesSetByAdmin;

    @Column(nullable = false)
    public boolean active = true;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id", nullable = false)
    public Team team;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Secret of the user's calendar feed URL; null when none (or revoked). */
    @Column(name = "calendar_token")
    public String calendarToken;

    /** Set when an admin resets the password: the next sign-in must choose a new one. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    /** Base32 secret of the user's TOTP authenticator; null when two-factor sign-in is off. */
    @Column(name = "totp_secret")
    public String totpSecret;

    /** A secret shown on the enrolment page, not yet confirmed with a code. */
    @Column(name = "totp_pending_secret")
    public String totpPendingSecret;

    @Column(name = "totp_enabled_at")
    public Instant totpEnabledAt;

    /** The time step of the last accepted code, so that a code works once. */
    @Column(name = "totp_last_step")
    public Long totpLastStep;

    /**
     * Set when the user replaces a password an admin reset: the next sign-in is still the first after that reset (the
     * admin knew the password until then), and the session it opens is marked so (then this is cleared).
     */
    @Column(name = "reset_sign_in_pending", nullable = false)
    public boolean resetSignInPending;

    @Version
    public long version;

    /** The user with team and roles loaded in one query. */
    public static Optional<UserAccount> findFull(String username) {
        return find("from UserAccount u join fetch u.team left join fetch u.roles where u.username = ?1", username)
                .singleResultOptional();
    }

    public static Optional<UserAccount> findFull(long id) {
        return find("from UserAccount u join fetch u.team left join fetch u.roles where u.id = ?1", id)
                .singleResultOptional();
    }

    /** Everyone, with team and roles, in one query. */
    public static List<UserAccount> listFull() {
        return find("select distinct u from UserAccount u join fetch u.team left join fetch u.roles "
                + "order by u.active desc, u.username").list();
    }

    /** The single-sign-on user of an issuer's subject, with team and roles. */
    public static Optional<UserAccount> findBySubject(String issuer, String subject) {
        return find("from UserAccount u join fetch u.team left join fetch u.roles where u.ssoIssuer = ?1 and u.ssoSubject = ?2",
                issuer, subject).singleResultOptional();
    }

    /** Whether this user signs in through the identity provider (and has no password here). */
    public boolean singleSignOn() {
        return ssoSubject != null;
    }

    public static boolean usernameTaken(String username) {
        return count("username", username) > 0;
    }

    /** Whether the user's {@code role} was granted after {@code instant} (false when it was granted before or never). */
    public static boolean roleGrantedAfter(long userId, Role role, Instant instant) {
        Instant latest = latestGrant(userId, role);
        return instant != null && latest != null && latest.isAfter(instant);
    }

    /** When {@code role} was last granted to the user, or null when it never was. */
    public static Instant latestGrant(long userId, Role role) {
        Object latest = getEntityManager().createNativeQuery("select max(granted_at) from role_grant where user_id = ?1 and role = ?2")
                .setParameter(1, userId).setParameter(2, role.name()).getSingleResult();
        if (latest instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return latest instanceof java.time.OffsetDateTime t ? t.toInstant() : (Instant) latest;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** What a session knows about this user. */
    public SignedInUser signedIn() {
        return new SignedInUser(id, username, displayName, team.id, team.name, Set.copyOf(roles));
    }
}
