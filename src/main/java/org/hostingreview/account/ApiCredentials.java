package org.hostingreview.account;

import org.hostingreview.web.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.system.HostingReviewConfig;

/**
 * Verifies {@code /api} credentials — personal tokens and (deprecated) HTTP Basic passwords — cheaply enough for
 * pipelines that call often:
 * <ul>
 * <li>a verified credential is kept for {@code credential-cache-ttl} (60 s) under a keyed hash of it, never the secret;
 * a password change or reset, a deactivation, revoked sessions, changed roles or a revoked token end it at once;</li>
 * <li>bcrypt runs outside any transaction and with at most {@code max-concurrent-password-checks} at once; a caller that
 * cannot get a slot within {@code password-check-wait} gets 503 with {@code Retry-After}; concurrent calls with the
 * same uncached credential wait for one check instead of each running bcrypt;</li>
 * <li>use is audited once per credential and day ({@code API_USED}), not per call.</li>
 * </ul>
 */
@ApplicationScoped
public class ApiCredentials {

    /** Set on the routing context when the password checks were all busy: the answer is 503 with Retry-After. */
    static final String BUSY = "hosting-review.api-busy";

    /** What a verified credential stands for, until when. */
    record Verified(SignedInUser user, ApiScope scope, Long tokenId, String tokenName, Instant until,
            boolean mustChangePassword) {
    }

    /** The outcome of a password check: verified, refused, throttled for a while, or no slot free. */
    record Outcome(Optional<Verified> verified, Optional<Duration> throttledFor, boolean busy) {
    }

    @Inject
    AccountService accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    Clock clock;

    @Inject
    HostingReviewConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    org.hostingreview.audit.AuditService audit;

    private final Map<String, Verified> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();
    private Semaphore passwordChecks;
    /** Bumped by every forget: a check that started before a change is not cached after it. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    @PostConstruct
    void init() {
        passwordChecks = new Semaphore(Math.max(1, config.api().maxConcurrentPasswordChecks()), true);
    }

    /**
     * A bearer token verified within the cache's time, or null: a keyed hash and a map look-up, no database and nothing that
     * blocks, so the caller may ask on the event loop and go to a worker thread only when this is null.
     */
    Verified cachedToken(String token) {
        return ApiTokens.looksLikeToken(token) ? fresh("t:" + tokens.hash(token)) : null;
    }

    /** A username and password verified within the cache's time, or null; like {@link #cachedToken}, nothing that blocks. */
    Verified cachedPassword(String username, String password) {
        return fresh(passwordKey(username, password));
    }

    private String passwordKey(String username, String password) {
        return "b:" + tokens.hash((username == null ? "" : username) + "\u0000" + (password == null ? "" : password));
    }

    /** A bearer token: a hash and (on a cache miss) one indexed query. */
    Optional<Verified> token(String token) {
        if (!ApiTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        String hash = tokens.hash(token);
        String key = "t:" + hash;
        Verified cached = fresh(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long started = generation.get();
        Optional<Verified> verified = QuarkusTransaction.requiringNew().call(() -> tokens.verify(hash).map(v -> {
            tokens.touch(v.tokenId());
            recordUse("token:" + v.tokenId(), v.user(), "token", v.name(), v.scope());
            return new Verified(v.user(), v.scope(), v.tokenId(), v.name(), until(v.expiresAt()), false);
        }));
        verified.ifPresent(v -> remember(key, v, started));
        return verified;
    }

    /** A username and password over HTTP Basic. */
    Outcome password(String username, String password, String client) {
        String key = passwordKey(username, password);
        Verified cached = fresh(key);
        if (cached != null) {
            return new Outcome(Optional.of(cached), Optional.empty(), false);
        }
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            // the same credential is being checked right now: wait for that check rather than run bcrypt again
            try {
                Outcome outcome = running.get(config.api().passwordCheckWait().toMillis() + 5_000, TimeUnit.MILLISECONDS);
                // a refusal is not shared: this caller's try counts on its own
                if (outcome.verified().isPresent() || outcome.busy()) {
                    return outcome;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Optional.empty(), Optional.empty(), true);
            } catch (ExecutionException | TimeoutException e) {
                return new Outcome(Optional.empty(), Optional.empty(), true);
            }
            return check(key, username, password, client);
        }
        try {
            Outcome outcome = check(key, username, password, client);
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private Outcome check(String key, String username, String password, String client) {
        long started = generation.get();
        boolean acquired;
        try {
            acquired = passwordChecks.tryAcquire(config.api().passwordCheckWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            return new Outcome(Optional.empty(), Optional.empty(), true);
        }
        AccountService.SignIn result;
        try {
            result = accounts.signInForApi(username, password, client);
        } finally {
            passwordChecks.release();
        }
        if (result.throttledFor().isPresent()) {
            return new Outcome(Optional.empty(), result.throttledFor(), false);
        }
        if (result.user().isEmpty()) {
            return new Outcome(Optional.empty(), Optional.empty(), false);
        }
        SignedInUser user = result.user().get();
        if (result.secondFactor()) {
            // a password alone does not sign in an account with two-factor sign-in: it calls the API with a token
            return new Outcome(Optional.empty(), Optional.empty(), false);
        }
        if (result.mustChangePassword()) {
            // not cached: the API refuses until the user chose their own password (MustChangePasswordFilter)
            return new Outcome(Optional.of(new Verified(user, null, null, null, clock.instant(), true)), Optional.empty(), false);
        }
        QuarkusTransaction.requiringNew().run(() -> recordUse("password:" + user.id(), user, "password", null, null));
        Verified verified = new Verified(user, null, null, null, until(null), false);
        remember(key, verified, started);
        return new Outcome(Optional.of(verified), Optional.empty(), false);
    }

    /** Audits the first use of a credential on a day; later uses that day only count. */
    private void recordUse(String credential, SignedInUser user, String kind, String tokenName, ApiScope scope) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int inserted = em.createNativeQuery("insert into api_credential_use (credential, day) values (?1, ?2) "
                + "on conflict do nothing").setParameter(1, credential).setParameter(2, today).executeUpdate();
        if (inserted == 1) {
            audit.event(AuditAction.API_USED, user.username()).on(AuditEntity.USER, user.id()).team(user.teamId())
                    .detail("credential", kind).detail("token", tokenName)
                    .detail("scope", scope == null ? null : scope.name()).detail("day", today.toString()).record();
        }
    }

    private void remember(String key, Verified verified, long started) {
        cache.put(key, verified);
        if (generation.get() != started) {
            // something was forgotten while this was checked: it may be stale
            cache.remove(key, verified);
        }
    }

    private Verified fresh(String key) {
        Verified v = cache.get(key);
        if (v == null) {
            return null;
        }
        if (!clock.instant().isBefore(v.until())) {
            cache.remove(key, v);
            return null;
        }
        return v;
    }

    private Instant until(Instant expiresAt) {
        Instant until = clock.instant().plus(config.api().credentialCacheTtl());
        return expiresAt != null && expiresAt.isBefore(until) ? expiresAt : until;
    }

    /** Ends every cached credential of a user (their password, and their tokens). */
    public void forgetUser(long userId) {
        generation.incrementAndGet();
        cache.values().removeIf(v -> v.user().id() == userId);
    }

    /** Forgets now, and once more when the surrounding transaction ends, so that no check racing the change is kept. */
    void forgetUserNowAndAfterCommit(long userId) {
        forgetUser(userId);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forgetUser(userId);
                }
            });
        }
    }

    void forgetToken(String tokenHash) {
        generation.incrementAndGet();
        cache.remove("t:" + tokenHash);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                    cache.remove("t:" + tokenHash);
                }
            });
        }
    }

    /** For tests: forget everything. */
    public void clear() {
        cache.clear();
    }
}
