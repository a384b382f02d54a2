package org.hostingreview.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The zero set-up default: when no database URL is configured, start an embedded PostgreSQL whose data
 * lives in {@code hosting-review.data-dir} and supply its URL, plus locally generated session and CSRF
 * keys, as configuration.
 *
 * <p>It only acts while the application starts ({@link ExecutionMode#RUNTIME_INIT}); the build and the
 * test profile (which uses its own test resource) never start a server.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    static final String CSRF_KEY = "hosting-review.csrf-key";
    static final String AUDIT_KEY = "hosting-review.audit.checkpoint-key";
    /** Read by {@code StartupChecks}: true when this factory supplied the database. */
    static final String EMBEDDED_MARKER = "hosting-review.embedded-db.active";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseConfigSourceFactory.class);
    private static volatile boolean announced;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT
                || !Boolean.parseBoolean(value(context, "hosting-review.embedded-db.enabled", "true"))
                || !value(context, URL, "").isBlank()) {
            return List.of();
        }
        Path dataDir = Path.of(value(context, "hosting-review.data-dir", "data"));
        Path pgDir = dataDir.resolve("postgres");
        int port = Integer.parseInt(value(context, "hosting-review.embedded-db.port", "0"));
        String url = EmbeddedPostgres.startOrAttach(pgDir, port);
        if (!announced) {
            announced = true;
            LOG.infof("Using the embedded PostgreSQL at %s (data in %s). To use your own PostgreSQL 14+, set DB_URL, "
                    + "DB_USER and DB_PASSWORD (plus SESSION_ENCRYPTION_KEY, CSRF_SIGNATURE_KEY and AUDIT_CHECKPOINT_KEY).",
                    url, pgDir.toAbsolutePath());
        }
        Map<String, String> props = new HashMap<>();
        props.put(URL, url);
        // two roles, as with an external database: Flyway migrates as the superuser that owns the schema, the app
        // runs as a role that owns nothing
        EmbeddedPostgres.ensureRuntimeRole(url);
        props.put("quarkus.datasource.username", EmbeddedPostgres.RUNTIME_USER);
        props.put("quarkus.datasource.password", EmbeddedPostgres.RUNTIME_USER);
        props.put("quarkus.flyway.username", EmbeddedPostgres.USER);
        props.put("quarkus.flyway.password", EmbeddedPostgres.USER);
        props.put(EMBEDDED_MARKER, "true");
        Properties secrets = LocalSecrets.loadOrCreate(dataDir.resolve("secrets.properties"));
        if (value(context, SESSION_KEY, "").isBlank()) {
            props.put(SESSION_KEY, secrets.getProperty(LocalSecrets.SESSION_KEY));
        }
        if (value(context, CSRF_KEY, "").isBlank()) {
            props.put(CSRF_KEY, secrets.getProperty(LocalSecrets.CSRF_KEY));
        }
        if (value(context, AUDIT_KEY, "").isBlank()) {
            props.put(AUDIT_KEY, secrets.getProperty(LocalSecrets.AUDIT_KEY));
        }
        // Above application.properties (250), below environment variables (300) and system properties (400).
        return List.of(new MapBackedConfigSource("embedded-postgres", props, 275) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
