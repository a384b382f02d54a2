package org.hostingreview.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A throw-away embedded PostgreSQL on a free port for the whole test run; Flyway cleans and migrates it. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("hr-test-pg");
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL for tests", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "quarkus.http.auth.session.encryption-key", "test-session-key-0123456789abcdef0123456789",
                "hosting-review.csrf-key", "test-csrf-key-0123456789abcdef0123456789abcdef",
                "hosting-review.audit.checkpoint-key", "test-audit-key-0123456789abcdef0123456789abcdef");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is ending; the temp directory goes with the machine
            }
        }
    }
}
