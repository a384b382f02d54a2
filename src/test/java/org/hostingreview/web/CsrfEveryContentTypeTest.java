package org.hostingreview.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.hostingreview.account.UserAccount;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A cookie-authenticated state change needs the session's token whatever its content type. */
@QuarkusTest
class CsrfEveryContentTypeTest {

    private static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger();

    private long newUser(WebSession admin) {
        String username = "csrf" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        long team = QuarkusTransaction.requiringNew().call(() -> org.hostingreview.account.Team.findByName("Document AI").id);
        admin.post("/admin/users", WebSession.pairs("username", username, "displayName", "Victim " + username,
                "email", username + "@example.com", "teamId", team, "roles", java.util.List.of("PROPOSER"),
                "password", "victim-password-1")).then().statusCode(303);
        return QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull(username).orElseThrow().id);
    }

    private static boolean active(long id) {
        return QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull(id).orElseThrow().active);
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/json", "application/xml", "application/octet-stream" })
    void aTokenlessPostWithAnyBodyTypeChangesNothing(String contentType) {
        WebSession admin = WebSession.as("dana");
        long victim = newUser(WebSession.as("admin"));

        Response forged = admin.request().contentType(contentType).body("csrf-token=x".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/admin/users/" + victim + "/deactivate");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(active(victim)).isTrue();
    }

    @Test
    void theSessionsTokenInTheHeaderIsAccepted() {
        WebSession admin = WebSession.as("dana");
        long victim = newUser(WebSession.as("admin"));

        Response ok = admin.request().header("X-CSRF-Token", admin.csrfToken()).contentType("text/plain").body("")
                .post("/admin/users/" + victim + "/deactivate");

        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(active(victim)).isFalse();
    }

    @Test
    void aTokenFromAnotherSessionIsRefused() {
        WebSession attacker = WebSession.as("dana");
        WebSession admin = WebSession.as("dana");
        long victim = newUser(WebSession.as("admin"));

        Response forged = admin.postRaw("/admin/users/" + victim + "/deactivate",
                WebSession.pairs("csrf-token", attacker.csrfToken()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(active(victim)).isTrue();
    }

    @Test
    void theApiWithBasicCredentialsNeedsNoToken() {
        given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body("{\"workload\": {\"requestsPerMonth\": 30000000, \"inputTokensPerRequest\": 1000, "
                        + "\"outputTokensPerRequest\": 83, \"peakToAverage\": 2}, \"answers\": {}, \"evals\": []}")
                .post("/api/v1/estimates").then().statusCode(200);
    }

    @Test
    void redirectsNeverPointAtTheHostTheRequestNamed() {
        Response toLogin = given().redirects().follow(false).header("Host", "evil.example").get("/proposals");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.getHeader("Location")).doesNotContain("evil.example").contains("/login");

        Response signedIn = given().redirects().follow(false).header("Host", "evil.example")
                .contentType("application/x-www-form-urlencoded").formParam("j_username", "priya")
                .formParam("j_password", WebSession.DEMO_PASSWORD).post("/j_security_check");
        assertThat(signedIn.getHeader("Location")).doesNotContain("evil.example");
    }
}
