package org.hostingreview.system;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The application's own settings ({@code hosting-review.*}). */
@ConfigMapping(prefix = "hosting-review")
public interface HostingReviewConfig {

    /** Demo mode: demo users and data, credentials on the login page. On in dev, off in prod. */
    @WithDefault("false")
    boolean demo();

    /** Password for the {@code admin} account created on first start; random (and logged once) when empty. */
    Optional<String> adminInitialPassword();

    /** The address people reach the app at, for links in mails and calendar feeds. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    Revisit revisit();

    /** The revisit cycle. */
    interface Revisit {
        /** Days after a decision becomes due that it counts as overdue. */
        @WithDefault("14")
        int overdueDays();

        /** A chosen tier's monthly cost moving by more than this share re-opens the decision. */
        @WithDefault("0.25")
        double costMoveShare();

        /** A catalog price the decision used moving by more than this share re-opens it. */
        @WithDefault("0.20")
        double priceMoveShare();

        /** Volume at least this multiple of the decided volume re-opens the decision. */
        @WithDefault("2")
        double volumeMultiple();
    }

    Mail mail();

    /** The notification outbox's poller. */
    interface Mail {
        /** How often the poller looks for due mails (a Quarkus scheduler interval such as {@code 15s}). */
        @WithDefault("15s")
        String pollEvery();

        /** Failed deliveries after which a mail is set aside (listed for admins) instead of tried again. */
        @WithDefault("5")
        int maxAttempts();

        /** Wake the poller on a worker thread as soon as a transaction that queued a mail commits. */
        @WithDefault("true")
        boolean wakeAfterCommit();

        /** The mock mailer's mails kept (for tests to read) before it is emptied; 0 keeps every one. */
        @WithDefault("500")
        int mockKeeps();
    }

    /** Directory of the embedded database and its generated keys. */
    @WithDefault("data")
    String dataDir();

    EmbeddedDb embeddedDb();

    Review review();

    Audit audit();

    Session session();

    SignIn signIn();

    Api api();

    Oidc oidc();

    /**
     * Single sign-on with OpenID Connect, beside the built-in accounts; on when {@code OIDC_ISSUER} is set (the
     * {@code quarkus.oidc.*} settings hold the provider and the client, see {@link OidcConfigSourceFactory}).
     */
    interface Oidc {
        /** Set by {@link OidcConfigSourceFactory} from whether an issuer is configured; not meant to be configured. */
        @WithDefault("false")
        boolean enabled();

        /** The name on the login page's button: "Sign in with …". */
        @WithDefault("single sign-on")
        String providerName();

        /** The token claim that lists the user's groups. */
        @WithDefault("groups")
        String groupsClaim();

        /**
         * Groups to teams and roles: entries separated by {@code ;}, each {@code group=target,target}, a target being
         * {@code team:<team name>} or {@code role:<PROPOSER|REVIEWER|ADMIN>}; empty: no group maps to anything.
         */
        Optional<String> groups();
    }

    /** The JSON API's credentials: personal tokens, and HTTP Basic while it is deprecated. */
    interface Api {
        /** Key of the HMAC-SHA-256 that API tokens are stored as; empty: derived from the CSRF key. */
        Optional<String> tokenKey();

        /** The last day HTTP Basic with a password works on {@code /api}; until then answers say it is deprecated. */
        @WithDefault("2027-06-30")
        java.time.LocalDate basicSunset();

        /** How long a verified credential is trusted without checking it again (its owner's changes end it at once). */
        @WithDefault("PT60S")
        java.time.Duration credentialCacheTtl();

        /** Password checks (bcrypt) running at once for the API; more wait {@code password-check-wait}, then get 503. */
        @WithDefault("4")
        int maxConcurrentPasswordChecks();

        @WithDefault("PT2S")
        java.time.Duration passwordCheckWait();

        /** The longest a token may live. */
        @WithDefault("365")
        int tokenMaxDays();
    }

    /** Key of the HMAC that binds CSRF tokens to their session ({@code CSRF_SIGNATURE_KEY}). */
    Optional<String> csrfKey();

    /** Sessions (the idle timeout is {@code quarkus.http.auth.form.timeout}). */
    interface Session {
        /** The longest a session lasts from sign-in, however active. */
        @WithDefault("PT12H")
        java.time.Duration absoluteLifetime();
    }

    /** Sign-in throttling, per account and per client address. */
    interface SignIn {
        /** Failures in a row before sign-in is refused for a while. */
        @WithDefault("5")
        int maxFailures();

        /** Failures in a row from one client address before that address is refused for a while. */
        @WithDefault("5")
        int clientMaxFailures();

        /** The first lock; each further failure after it doubles the lock (up to {@code max-lock}). */
        @WithDefault("PT1M")
        java.time.Duration firstLock();

        @WithDefault("PT1H")
        java.time.Duration maxLock();

        /** Failures further apart than this start a new count. */
        @WithDefault("PT15M")
        java.time.Duration window();
    }

    /** The review workflow. */
    interface Review {
        /** Decisions with at least this much monthly spend at stake need two approvals (USD). */
        @WithDefault("50000")
        double fourEyesThresholdUsd();

        /** Default days from a decision to its next review. */
        @WithDefault("90")
        int defaultReviewDays();

        /** The latest next review a decision may set, in days. */
        @WithDefault("365")
        int maxReviewDays();
    }

    ProposalPage proposalPage();

    /** The proposal page. */
    interface ProposalPage {
        /**
         * Heap (estimated, in MB) for the page's computed part, kept per proposal version, catalog stamp, eval runs, day and
         * what-if (review.ProposalPageCache); 0 keeps nothing.
         */
        @WithDefault("16")
        long cacheMb();
    }

    /** The audit trail. */
    interface Audit {
        /** Key of the HMAC that signs checkpoints of the chain's head. */
        Optional<String> checkpointKey();

        /** A checkpoint is signed once this many events were written since the last one… */
        @WithDefault("100")
        int checkpointEveryEvents();

        /** …or once this long passed since the last one, if the chain grew at all. */
        @WithDefault("PT1M")
        java.time.Duration checkpointEvery();

        /**
         * The witness outside the database: every checkpoint is appended to this JSON-lines file (and logged). Empty:
         * {@code audit-witness.jsonl} in the data directory.
         */
        Optional<String> witnessFile();
    }

    interface EmbeddedDb {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("0")
        int port();

        /** Set by the embedded-database bootstrap when it supplied the datasource; not meant to be configured. */
        @WithDefault("false")
        boolean active();
    }
}
