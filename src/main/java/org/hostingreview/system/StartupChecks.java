package org.hostingreview.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start against an external database without the keys that keep sessions and CSRF tokens valid
 * across restarts and instances and that sign audit checkpoints; the embedded default generates its own.
 */
@ApplicationScoped
public class StartupChecks {

    void onStart(@Observes @Priority(1) StartupEvent event) {
        var config = ConfigProvider.getConfig();
        boolean embedded = config.getOptionalValue(EmbeddedDatabaseConfigSourceFactory.EMBEDDED_MARKER, Boolean.class)
                .orElse(false);
        boolean test = io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST;
        if (embedded || test) {
            return;
        }
        String runtime = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("");
        String migration = config.getOptionalValue("quarkus.flyway.username", String.class).orElse(runtime);
        boolean demo = config.getOptionalValue("hosting-review.demo", Boolean.class).orElse(false);
        if (migration.equals(runtime) && !demo) {
            org.jboss.logging.Logger.getLogger(StartupChecks.class).warnf("The app's database login %s also runs the "
                    + "migrations, so it owns the tables and could alter or empty the audit trail. Set DB_MIGRATION_USER and "
                    + "DB_MIGRATION_PASSWORD to an owner role, and DB_USER to a role that owns nothing.", runtime);
        }
        List<String> missing = new ArrayList<>();
        if (blank(config.getOptionalValue(EmbeddedDatabaseConfigSourceFactory.SESSION_KEY, String.class))) {
            missing.add("SESSION_ENCRYPTION_KEY (at least 32 random characters)");
        }
        if (blank(config.getOptionalValue(EmbeddedDatabaseConfigSourceFactory.CSRF_KEY, String.class))) {
            missing.add("CSRF_SIGNATURE_KEY (at least 32 random characters)");
        }
        if (blank(config.getOptionalValue(EmbeddedDatabaseConfigSourceFactory.AUDIT_KEY, String.class))) {
            missing.add("AUDIT_CHECKPOINT_KEY (at least 32 random characters)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Hosting Review runs on an external database and needs these environment "
                    + "variables: " + String.join(", ", missing) + ". Generate one with: openssl rand -base64 48");
        }
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }
}
