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

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

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

    public static boolean usernameTaken(String username) {
        return count("username", username) > 0;
    }

    /** Whether the user's {@code role} was granted after {@code instant} (false when it was granted before or never). */
    public static boolean roleGrantedAfter(long userId, Role role, Instant instant) {
        if (instant == null) {
            return false;
        }
        Object after = getEntityManager().createNativeQuery("select count(*) from role_grant where user_id = ?1 and role = ?2 "
                + "and granted_at > ?3").setParameter(1, userId).setParameter(2, role.name())
                .setParameter(3, java.sql.Timestamp.from(instant)).getSingleResult();
        return ((Number) after).longValue() > 0;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** What a session knows about this user. */
    public SignedInUser signedIn() {
        return new SignedInUser(id, username, displayName, team.id, team.name, Set.copyOf(roles));
    }
}
