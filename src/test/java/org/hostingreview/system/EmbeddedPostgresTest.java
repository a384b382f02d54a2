package org.hostingreview.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path dir;

    @Test
    void startsOnceAndReattachesToTheRunningServer() throws Exception {
        Path data = dir.resolve("postgres");
        String first = EmbeddedPostgres.startOrAttach(data, 0);
        String second = EmbeddedPostgres.startOrAttach(data, 0);

        assertThat(second).isEqualTo(first);
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        try (Connection c = DriverManager.getConnection(first, EmbeddedPostgres.USER, EmbeddedPostgres.USER);
                ResultSet rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("17.");
        }
        // the zero-set-up default has the runtime role too, and making it twice is harmless
        EmbeddedPostgres.ensureRuntimeRole(first);
        EmbeddedPostgres.ensureRuntimeRole(first);
        try (Connection c = DriverManager.getConnection(first, EmbeddedPostgres.RUNTIME_USER, EmbeddedPostgres.RUNTIME_USER);
                ResultSet rs = c.createStatement().executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
        }
    }

    @Test
    void generatesLocalKeysOnceAndKeepsThem() {
        Path file = dir.resolve("secrets.properties");
        Properties first = LocalSecrets.loadOrCreate(file);
        Properties again = LocalSecrets.loadOrCreate(file);

        assertThat(first.getProperty(LocalSecrets.SESSION_KEY)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(first.getProperty(LocalSecrets.CSRF_KEY)).isNotEqualTo(first.getProperty(LocalSecrets.SESSION_KEY));
        assertThat(again).isEqualTo(first);
    }
}
