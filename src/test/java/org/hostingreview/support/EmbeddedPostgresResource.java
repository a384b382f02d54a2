package org.hostingreview.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A throw-away embedded PostgreSQL on a free port for the whole test run; Flyway cleans and migrates it. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    /** Owns the schema; Flyway migrates as it. */
    public static final String OWNER = "hr_owner";
    /** The application's own login: owns nothing. */
    public static final String RUNTIME = "hr_app";
    public static final String DATABASE = "hosting_review";

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
        // two roles, as in production: Flyway migrates as the owner, the app runs as a role that owns nothing, so that
        // the whole suite proves the grants of db/migration/afterMigrate.sql suffice
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", "postgres"); java.sql.Statement s = c.createStatement()) {
            s.execute("create role " + OWNER + " login password '" + OWNER + "'");
            s.execute("create role " + RUNTIME + " login password '" + RUNTIME + "'");
            s.execute("create database " + DATABASE + " owner " + OWNER);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the test roles", e);
        }
        // no credentials in the URL: they would override each role's own
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                java.sql.Statement s = c.createStatement()) {
            s.execute("alter schema public owner to " + OWNER);
            s.execute("revoke create on schema public from public");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot prepare the test schema", e);
        }
        return Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", url),
                Map.entry("quarkus.datasource.username", RUNTIME),
                Map.entry("quarkus.datasource.password", RUNTIME),
                Map.entry("quarkus.flyway.username", OWNER),
                Map.entry("quarkus.flyway.password", OWNER),
                Map.entry("quarkus.http.auth.session.encryption-key", "test-session-key-0123456789abcdef0123456789"),
                Map.entry("hosting-review.csrf-key", "test-csrf-key-0123456789abcdef0123456789abcdef"),
                Map.entry("hosting-review.audit.checkpoint-key", "test-audit-key-0123456789abcdef0123456789abcdef"));
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
