package org.hostingreview.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.system.Rows;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Server-side sessions. The encrypted session cookie carries the username and a random session id; only the id's
 * SHA-256 is stored. Every request checks that the row is live and within its absolute lifetime, so that logout,
 * a password change, an admin reset and a deactivation end sessions at once.
 */
@ApplicationScoped
public class Sessions {

    /** Why a session ended, stored and shown on the login page. */
    public enum End {
        LOGGED_OUT, PASSWORD_CHANGED, PASSWORD_RESET, DEACTIVATED, EXPIRED, UNKNOWN
    }

    /** A live session: its id (as in the cookie), its user, whether it is the first sign-in after an admin reset. */
    public record Live(String id, long userId, boolean afterAdminReset, boolean secondFactorPending, boolean singleSignOn) {
        public Live(String id, long userId, boolean afterAdminReset, boolean secondFactorPending) {
            this(id, userId, afterAdminReset, secondFactorPending, false);
        }

        public Live(String id, long userId, boolean afterAdminReset) {
            this(id, userId, afterAdminReset, false);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    HostingReviewConfig config;

    @Inject
    ApiCredentials apiCredentials;

    @Inject
    Rows rows;

    private final Counter sessionChecks;

    @Inject
    Sessions(MeterRegistry meters) {
        sessionChecks = Counter.builder("hosting_review_session_checks")
                .description("Session checks: one statement on every signed-in request").register(meters);
    }

    /** Opens a session for a user who just signed in; returns the id that goes into the cookie. */
    @Transactional(TxType.MANDATORY)
    String open(long userId, boolean afterAdminReset) {
        return open(userId, afterAdminReset, false);
    }

    /** Opens a session; with {@code secondFactorPending} it leads nowhere but the code page until the code is given. */
    @Transactional(TxType.MANDATORY)
    String open(long userId, boolean afterAdminReset, boolean secondFactorPending) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        em.createNativeQuery("insert into user_session (id, user_id, created_at, expires_at, after_admin_reset, "
                + "second_factor_pending) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, hash(id)).setParameter(2, userId).setParameter(3, Timestamp.from(now))
                .setParameter(4, Timestamp.from(now.plus(config.session().absoluteLifetime())))
                .setParameter(5, afterAdminReset).setParameter(6, secondFactorPending).executeUpdate();
        return id;
    }

    /** Where to end the identity provider's session when this one ends (RP-initiated logout). */
    public record ProviderLogout(String endSessionUrl, String idToken) {
    }

    /** Opens a session for a single-sign-on user; keeps what logging out at the provider needs. */
    @Transactional(TxType.MANDATORY)
    String openSingleSignOn(long userId, String endSessionUrl, String idToken) {
        String id = open(userId, false, false);
        em.createNativeQuery("update user_session set sso_logout_url = ?2, sso_id_token = ?3 where id = ?1")
                .setParameter(1, hash(id)).setParameter(2, endSessionUrl).setParameter(3, idToken).executeUpdate();
        return id;
    }

    /** The provider logout of a single-sign-on session, if it has one. */
    @Transactional(TxType.MANDATORY)
    Optional<ProviderLogout> providerLogout(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select sso_logout_url, sso_id_token from user_session where id = ?1 "
                + "and sso_logout_url is not null").setParameter(1, hash(id)).getResultList();
        return rows.stream().findFirst().map(r -> new ProviderLogout((String) r[0], (String) r[1]));
    }

    /** The second factor was given: the session is a full one now. */
    @Transactional(TxType.MANDATORY)
    void secondFactorGiven(String id) {
        em.createNativeQuery("update user_session set second_factor_pending = false where id = ?1 and ended_at is null")
                .setParameter(1, hash(id)).executeUpdate();
    }

    /**
     * What a request's session cookie stands for, as the database has it now: the user (team, roles, whether they must
     * change their password or set up two-factor sign-in), the session row named by the cookie, and the admin's
     * two-factor setting.
     */
    record Seen(SignedInUser user, boolean active, boolean mustChangePassword, boolean hasSecondFactor,
            boolean singleSignOnUser, boolean twoFactorRequired, Long sessionUserId, Instant expiresAt, boolean ended,
            End endReason, boolean afterAdminReset, boolean secondFactorPending, boolean providerSession, long teamsVersion) {

        /** The session is this user's and has not ended (it may be past its lifetime). */
        boolean sessionOpen() {
            return sessionUserId != null && sessionUserId == user.id() && !ended;
        }
    }

    private static final String SEEN = "select u.id, u.display_name, t.id as team_id, t.name as team_name, "
            + "(select string_agg(r.role, ',') from user_role r where r.user_id = u.id) as roles, u.active, "
            + "u.must_change_password, u.totp_secret is not null as has_totp, u.sso_subject is not null as sso_user, "
            + "coalesce((select value = 'true' from security_setting where name = ?), false) as two_factor_required, "
            + "s.user_id as session_user, s.expires_at, s.ended_at is not null as ended, s.end_reason, "
            + "coalesce(s.after_admin_reset, false), coalesce(s.second_factor_pending, false), "
            + "s.sso_logout_url is not null as provider_session, "
            // the teams' state (V27_3), so that a page's team filter needs no statement of its own to know it is current
            + "(select v.version from team_version v where v.id = 1) as teams_version "
            + "from app_user u join team t on t.id = u.team_id left join user_session s on s.id = ? "
            + "where u.username = ?";

    /**
     * Reads {@link Seen} in one statement, outside any transaction: every request after sign-in runs it, so it costs
     * one round trip and no BEGIN/COMMIT. Plain JDBC on a pooled connection: through Hibernate's native query (a
     * session, the result mapping resolved on each call, the NOT_SUPPORTED interceptor) this one read was a quarter of
     * the app's CPU for a signed-in request that renders nothing. Counted in {@code hosting_review_session_checks}.
     * Empty when there is no such user.
     */
    Optional<Seen> seen(String username, String sessionId) {
        sessionChecks.increment();
        try {
            // a connection found dead (cut since its last use) is replaced by the next one: see Rows
            return rows.withLive(connection -> seen(connection, username, sessionId));
        } catch (SQLException e) {
            // as Hibernate would have wrapped it: the error pages and DatabaseFailure read the SQLState underneath
            throw new PersistenceException("Checking the session failed", e);
        }
    }

    private static Optional<Seen> seen(Connection connection, String username, String sessionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SEEN)) {
            statement.setString(1, TwoFactorSettings.REQUIRED);
            statement.setString(2, hash(sessionId));
            statement.setString(3, username);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Set<Role> roles = EnumSet.noneOf(Role.class);
                String roleList = row.getString(5);
                if (roleList != null) {
                    for (String role : roleList.split(",")) {
                        roles.add(Role.valueOf(role));
                    }
                }
                SignedInUser user = new SignedInUser(row.getLong(1), username, row.getString(2), row.getLong(3),
                        row.getString(4), roles);
                long sessionUser = row.getLong(11);
                Long sessionUserId = row.wasNull() ? null : sessionUser;
                Timestamp expiresAt = row.getTimestamp(12);
                return Optional.of(new Seen(user, row.getBoolean(6), row.getBoolean(7), row.getBoolean(8),
                        row.getBoolean(9), row.getBoolean(10), sessionUserId, expiresAt == null ? null : expiresAt.toInstant(),
                        row.getBoolean(13), endReason(row.getString(14)), row.getBoolean(15), row.getBoolean(16),
                        row.getBoolean(17), row.getLong(18)));
            }
        }
    }

    /** Ends a session in a transaction of its own (the request that finds it expired or its user deactivated). */
    @Transactional
    void endNow(String id, End reason) {
        end(id, reason);
    }

    private static End endReason(String value) {
        if (value == null) {
            return End.UNKNOWN;
        }
        try {
            return End.valueOf(value);
        } catch (IllegalArgumentException e) {
            return End.UNKNOWN;
        }
    }

    @Transactional(TxType.MANDATORY)
    void end(String id, End reason) {
        // an ended session keeps no ID token (it was kept only as the hint for logging out at the provider)
        em.createNativeQuery("update user_session set ended_at = ?2, end_reason = ?3, sso_id_token = null "
                + "where id = ?1 and ended_at is null")
                .setParameter(1, hash(id)).setParameter(2, Timestamp.from(clock.instant())).setParameter(3, reason.name())
                .executeUpdate();
    }

    /** Ends every live session of a user except {@code keep} (null: all); returns how many ended. */
    @Transactional(TxType.MANDATORY)
    int endAll(long userId, End reason, String keep) {
        // whatever ends a user's sessions (password change or reset, deactivation, revocation) ends the API credentials
        // verified for them too
        apiCredentials.forgetUserNowAndAfterCommit(userId);
        return em.createNativeQuery("update user_session set ended_at = ?2, end_reason = ?3, sso_id_token = null "
                + "where user_id = ?1 and ended_at is null and id <> ?4")
                .setParameter(1, userId).setParameter(2, Timestamp.from(clock.instant())).setParameter(3, reason.name())
                .setParameter(4, keep == null ? "" : hash(keep)).executeUpdate();
    }

    /** How many live sessions a user has (for the tests and the admin page). */
    @Transactional(TxType.SUPPORTS)
    public long liveCount(long userId) {
        return ((Number) em.createNativeQuery("select count(*) from user_session where user_id = ?1 and ended_at is null "
                + "and expires_at > ?2").setParameter(1, userId).setParameter(2, Timestamp.from(clock.instant()))
                .getSingleResult()).longValue();
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
