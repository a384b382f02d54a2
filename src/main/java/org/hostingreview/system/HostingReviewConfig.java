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

    /** Directory of the embedded database and its generated keys. */
    @WithDefault("data")
    String dataDir();

    EmbeddedDb embeddedDb();

    Review review();

    Audit audit();

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

    /** The audit trail. */
    interface Audit {
        /** Key of the HMAC that signs checkpoints of the chain's head. */
        Optional<String> checkpointKey();
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
