package org.hostingreview.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;

/** Connections to the test database as the owner role (what Flyway uses) or as the app's runtime role. */
public final class OwnerDatabase {

    private OwnerDatabase() {
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    public static Connection asOwner() throws SQLException {
        return DriverManager.getConnection(url(), EmbeddedPostgresResource.OWNER, EmbeddedPostgresResource.OWNER);
    }

    public static Connection asRuntime() throws SQLException {
        return DriverManager.getConnection(url(), EmbeddedPostgresResource.RUNTIME, EmbeddedPostgresResource.RUNTIME);
    }

    /**
     * Forgets every failed sign-in: a test that fails one on purpose calls this, so the suite's shared client
     * address (127.0.0.1) is not throttled for the tests after it.
     */
    public static void forgetFailedSignIns() {
        runAsOwner("DELETE FROM sign_in_throttle");
    }

    /** Runs statements as the owner in one transaction. */
    public static void runAsOwner(String... statements) {
        try (Connection c = asOwner()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
