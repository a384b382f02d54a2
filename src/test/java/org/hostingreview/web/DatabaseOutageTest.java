package org.hostingreview.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hostingreview.support.EmbeddedPostgresResource;
import org.hostingreview.support.Parallel;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The database goes away, comes back, turns read-only: users get the app's own 503 (a page without the layout, JSON
 * under /api, the login form too) with Retry-After, and the first request after the database's return succeeds.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static void asSuperuser(String... statements) {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            for (String statement : statements) {
                if (statement.equals(CUT_CONNECTIONS)) {
                    cut(s);
                } else {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cuts every connection of the app and waits until they are gone (pg_terminate_backend only signals them). */
    private static void cut(Statement s) throws SQLException {
        java.util.List<Integer> pids = new java.util.ArrayList<>();
        try (var rs = s.executeQuery("select pid from pg_stat_activity where usename = '" + EmbeddedPostgresResource.RUNTIME + "'")) {
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
        }
        for (int pid : pids) {
            s.execute("select pg_terminate_backend(" + pid + ")");
        }
        for (int i = 0; i < 200 && !pids.isEmpty(); i++) {
            try (var rs = s.executeQuery("select count(*) from pg_stat_activity where pid in (" + String.join(",",
                    pids.stream().map(String::valueOf).toList()) + ")")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What a restart does to the app's pooled connections: every one of them is cut. */
    private static final String CUT_CONNECTIONS = "select pg_terminate_backend(pid) from pg_stat_activity where usename = '"
            + EmbeddedPostgresResource.RUNTIME + "'";

    private static void databaseUnreachable() {
        asSuperuser("alter role " + EmbeddedPostgresResource.RUNTIME + " connection limit 0", CUT_CONNECTIONS);
    }

    private static void databaseBack() {
        asSuperuser("alter role " + EmbeddedPostgresResource.RUNTIME + " connection limit -1");
    }

    @Test
    void pagesTheLoginFormAndTheApiAnswer503WithRetryAfterWhileTheDatabaseIsUnreachable() {
        WebSession priya = WebSession.as("priya");
        priya.get("/proposals").then().statusCode(200);
        databaseUnreachable();
        try {
            Response page = priya.get("/proposals");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.header("Retry-After")).isEqualTo("5");
            assertThat(page.asString()).contains("temporarily unavailable; nothing was saved").doesNotContain("Error id")
                    .doesNotContain("Log out");

            Response login = WebSession.anonymous().tryLogin("omar", WebSession.DEMO_PASSWORD);
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(login.header("Retry-After")).isEqualTo("5");
            assertThat(login.asString()).contains("temporarily unavailable; nothing was saved");

            Response api = given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).accept("application/json")
                    .get("/api/v1/proposals/1/recommendation");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.header("Retry-After")).isEqualTo("5");
            assertThat(api.contentType()).startsWith("application/json");
            assertThat(api.jsonPath().getString("message")).contains("temporarily unavailable; nothing was saved");
        } finally {
            databaseBack();
        }
        assertThat(priya.get("/proposals").statusCode()).as("the first request after the database is back").isEqualTo(200);
    }

    @Test
    void afterEveryPooledConnectionWasCutTheFirstRequestsSucceed() {
        WebSession priya = WebSession.as("priya");
        // fill the pool with several connections, then cut them all, as a PostgreSQL restart does
        Parallel.times(8, i -> priya.replay().get("/proposals").statusCode());
        asSuperuser(CUT_CONNECTIONS);

        List<Integer> after = Parallel.times(8, i -> priya.replay().get("/proposals").statusCode());

        assertThat(after).containsOnly(200);
    }

    /**
     * Connections are not checked on every borrow, only after half a second idle (DB_VALIDATE_IDLE_AFTER): a request that
     * starts in a transaction, as signing in does, takes no second connection when its first is dead, so it relies on that
     * check. Half a second after every connection was cut, sign-ins succeed; within it, the pages above still answer.
     */
    @Test
    void halfASecondAfterEveryPooledConnectionWasCutSignInsSucceed() throws InterruptedException {
        WebSession priya = WebSession.as("priya");
        Parallel.times(8, i -> priya.replay().get("/proposals").statusCode());
        asSuperuser(CUT_CONNECTIONS);
        Thread.sleep(700);

        List<Integer> signIns = Parallel.times(8, i -> WebSession.anonymous().tryLogin("omar", WebSession.DEMO_PASSWORD).statusCode());

        assertThat(signIns).as("sign-ins, each in a transaction on a connection idle since the cut").containsOnly(302);
    }

    @Test
    void withinHalfASecondOfTheCutASignInIsRefusedWith503OrSucceedsNever500() {
        WebSession priya = WebSession.as("priya");
        Parallel.times(8, i -> priya.replay().get("/proposals").statusCode());
        asSuperuser(CUT_CONNECTIONS);

        List<Integer> signIns = Parallel.times(8, i -> WebSession.anonymous().tryLogin("omar", WebSession.DEMO_PASSWORD).statusCode());

        assertThat(signIns).as("a dead connection is the database's failure, said as one").isSubsetOf(302, 503);
        assertThat(priya.get("/proposals").statusCode()).as("a page right after").isEqualTo(200);
    }

    @Test
    void aReadOnlyDatabaseIsMaintenanceFor503AndReadinessSaysDown() {
        given().get("/q/health/ready").then().statusCode(200);
        WebSession priya = WebSession.as("priya");
        priya.csrfToken();
        asSuperuser("alter role " + EmbeddedPostgresResource.RUNTIME + " set default_transaction_read_only = on", CUT_CONNECTIONS);
        try {
            Response ready = given().get("/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.asString()).contains("read-only");

            Response login = WebSession.anonymous().tryLogin("omar", WebSession.DEMO_PASSWORD);
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(login.header("Retry-After")).isEqualTo("60");
            assertThat(login.asString()).contains("down for maintenance").contains("nothing was saved");

            java.util.Map<String, Object> draft = new java.util.LinkedHashMap<>(
                    org.hostingreview.proposal.ProposalFixtures.step1("During maintenance", "Maintenance feature"));
            draft.put("acknowledgeDuplicate", "on");
            Response save = priya.post("/proposals", draft);
            assertThat(save.statusCode()).isEqualTo(503);
            assertThat(save.asString()).contains("down for maintenance");
        } finally {
            asSuperuser("alter role " + EmbeddedPostgresResource.RUNTIME + " reset default_transaction_read_only", CUT_CONNECTIONS);
        }
        // readiness comes back as a monitor polls it (each health check borrows its own connection, and a connection
        // cut above is found stale and replaced on the next borrow)
        int status = 0;
        for (long end = System.nanoTime() + 20_000_000_000L; System.nanoTime() < end; ) {
            status = given().get("/q/health/ready").statusCode();
            if (status == 200) {
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(status).as("readiness within 20 s of the database becoming writable again").isEqualTo(200);
    }
}
