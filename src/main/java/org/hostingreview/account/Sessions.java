package org.hostingreview.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.system.HostingReviewConfig;

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

    /** The session if it is live; otherwise why it is not (empty reason: no such session). */
    @Transactional(TxType.MANDATORY)
    Optional<Live> live(String id, long userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, expires_at, ended_at, after_admin_reset, second_factor_pending, "
                + "sso_logout_url is not null from user_session "
                + "where id = ?1").setParameter(1, hash(id)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        boolean sameUser = ((Number) row[0]).longValue() == userId;
        Instant expires = instant(row[1]);
        if (!sameUser || row[2] != null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(expires)) {
            end(id, End.EXPIRED);
            return Optional.empty();
        }
        return Optional.of(new Live(id, userId, Boolean.TRUE.equals(row[3]), Boolean.TRUE.equals(row[4]),
                Boolean.TRUE.equals(row[5])));
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

    /** Why a session is not live, for the message on the login page. */
    @Transactional(TxType.MANDATORY)
    End whyEnded(String id) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select end_reason from user_session where id = ?1")
                .setParameter(1, hash(id)).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return End.UNKNOWN;
        }
        try {
            return End.valueOf((String) rows.get(0));
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

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        } else if (value instanceof Instant i) {
            return i;
        } else if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
