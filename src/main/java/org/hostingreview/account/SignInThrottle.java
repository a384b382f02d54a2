package org.hostingreview.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.system.HostingReviewConfig;

/**
 * Failed sign-ins counted per account and per client address. After {@code max-failures} in a row sign-in is refused
 * for {@code first-lock}, doubling with every further failure up to {@code max-lock}; refused tries are not checked
 * (no password hashing) and not counted.
 */
@ApplicationScoped
public class SignInThrottle {

    /** The outcome of counting one failure: where the burst stands, and the lock it earned, if any. */
    record Failure(int failures, int maxFailures, Optional<Duration> lock) {
        /** The first failure of a burst and the one that locks are audited; the tries between are only counted. */
        boolean audited() {
            return failures == 1 || failures == maxFailures;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    HostingReviewConfig config;

    static String accountKey(long userId) {
        return "account:" + userId;
    }

    static String clientKey(String client) {
        String address = client == null || client.isBlank() ? "unknown" : client;
        return "client:" + (address.length() > 100 ? address.substring(0, 100) : address);
    }

    /** How long sign-in stays refused for this account or this client address, if it is. */
    @Transactional(TxType.MANDATORY)
    Optional<Duration> locked(Long userId, String client) {
        Instant now = clock.instant();
        Duration longest = null;
        for (String key : keys(userId, client)) {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("select locked_until from sign_in_throttle where throttle_key = ?1 "
                    + "and locked_until > ?2").setParameter(1, key).setParameter(2, Timestamp.from(now)).getResultList();
            for (Object until : rows) {
                Duration left = Duration.between(now, org.hostingreview.system.Rows.instant(until));
                longest = longest == null || left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Counts a failure against the account (when known) and the client address. */
    @Transactional(TxType.MANDATORY)
    Failure failed(Long userId, String client) {
        return failed(keys(userId, client));
    }

    /**
     * Counts a failure against the account only: a wrong second-factor code comes after the right password, so the
     * account is what is under attack, and one person's typos must not lock out everyone behind the same address.
     */
    @Transactional(TxType.MANDATORY)
    Failure failedForAccount(long userId) {
        return failed(List.of(accountKey(userId)));
    }

    private Failure failed(List<String> keys) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(config.signIn().window());
        int governing = 0;
        int governingMax = 0;
        Duration lock = null;
        for (String key : keys) {
            int failures = ((Number) em.createNativeQuery("insert into sign_in_throttle (throttle_key, failures, last_failure) "
                    + "values (?1, 1, ?2) on conflict (throttle_key) do update set failures = case "
                    + "when sign_in_throttle.last_failure < ?3 then 1 else sign_in_throttle.failures + 1 end, "
                    + "last_failure = ?2, locked_until = case when sign_in_throttle.last_failure < ?3 then null "
                    + "else sign_in_throttle.locked_until end returning failures")
                    .setParameter(1, key).setParameter(2, Timestamp.from(now)).setParameter(3, Timestamp.from(windowStart))
                    .getSingleResult()).intValue();
            Optional<Duration> keyLock = lockFor(failures,
                    key.startsWith("account:") ? config.signIn().maxFailures() : config.signIn().clientMaxFailures());
            keyLock.ifPresent(d -> em.createNativeQuery("update sign_in_throttle set locked_until = ?2 where throttle_key = ?1")
                    .setParameter(1, key).setParameter(2, Timestamp.from(now.plus(d))).executeUpdate());
            if (keyLock.isPresent() && (lock == null || keyLock.get().compareTo(lock) > 0)) {
                lock = keyLock.get();
            }
            // the account's count governs when the account is known (an attack spread over many addresses),
            // the address's count otherwise
            if (governing == 0) {
                governing = failures;
                governingMax = key.startsWith("account:") ? config.signIn().maxFailures() : config.signIn().clientMaxFailures();
            }
        }
        return new Failure(governing, governingMax, Optional.ofNullable(lock));
    }

    /** A successful sign-in clears the account's count (not the address's: one good account must not reset it). */
    @Transactional(TxType.MANDATORY)
    void succeeded(long userId) {
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1").setParameter(1, accountKey(userId))
                .executeUpdate();
    }

    Optional<Duration> lockFor(int failures, int max) {
        if (failures < max) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - max, 20);
        Duration lock = config.signIn().firstLock().multipliedBy(1L << doublings);
        return Optional.of(lock.compareTo(config.signIn().maxLock()) > 0 ? config.signIn().maxLock() : lock);
    }

    private static List<String> keys(Long userId, String client) {
        List<String> keys = new ArrayList<>();
        if (userId != null) {
            keys.add(accountKey(userId));
        }
        keys.add(clientKey(client));
        return keys;
    }

    /** Whole minutes, rounded up, for "try again in N minutes". */
    public static long minutes(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return (seconds + 59) / 60;
    }
}
