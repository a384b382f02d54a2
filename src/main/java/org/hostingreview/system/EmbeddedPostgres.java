package org.hostingreview.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Starts (or re-attaches to) the embedded PostgreSQL server that backs the zero set-up default.
 *
 * <p>Dev mode rebuilds the application class loader on every live reload, so a static handle to the
 * server would be lost; instead the running server is found again through the {@code postmaster.pid}
 * file of its data directory, which names the port it listens on.
 */
final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    /** Held so the level sticks: this runs before Quarkus has configured logging. */
    private static final java.util.logging.Logger ZONKY_LOG = java.util.logging.Logger.getLogger("io.zonky");
    /** The embedded server's superuser: owns the schema, and Flyway migrates as it. */
    static final String USER = "postgres";
    /** The app's own login on the embedded server: owns nothing (see db/migration/afterMigrate.sql). */
    static final String RUNTIME_USER = "hosting_review_app";
    static final String DATABASE = "postgres";

    private EmbeddedPostgres() {
    }

    /** Returns the JDBC URL of a server running on {@code dataDir}, starting one when none is. */
    static synchronized String startOrAttach(Path dataDir, int port) {
        Integer running = runningPort(dataDir);
        if (running != null) {
            return jdbcUrl(running);
        }
        try {
            Files.createDirectories(dataDir);
            ZONKY_LOG.setLevel(java.util.logging.Level.WARNING);
            ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(
                    dataDir.resolveSibling("postgres.log").toFile());
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
                    .builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog)
                    .setPort(port > 0 ? port : freePort())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
                }
            }, "embedded-postgres-stop"));
            return jdbcUrl(server.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + " (" + e.getMessage() + "). Set DB_URL, DB_USER and DB_PASSWORD to use an external PostgreSQL.", e);
        }
    }

    /** Creates the runtime role if it is missing (the password only matters if local trust is ever turned off). */
    static void ensureRuntimeRole(String url) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, USER, USER);
                java.sql.Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + RUNTIME_USER + "') THEN "
                    + "CREATE ROLE " + RUNTIME_USER + " LOGIN PASSWORD '" + RUNTIME_USER + "'; END IF; END $$");
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the embedded database's runtime role: " + e.getMessage(), e);
        }
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** The port of a live postmaster owning {@code dataDir}, or null. */
    private static Integer runningPort(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return null;
            }
            int port = Integer.parseInt(lines.get(3).trim());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return port;
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
