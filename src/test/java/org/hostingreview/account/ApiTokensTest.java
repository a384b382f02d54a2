package org.hostingreview.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.hostingreview.audit.AuditEvent;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.Demo;
import org.hostingreview.support.Tokens;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** My account → API tokens, and calling /api with them. */
@QuarkusTest
class ApiTokensTest {

    private static final String ESTIMATE = """
            {"workload": {"requestsPerMonth": 30000000, "inputTokensPerRequest": 1000, "outputTokensPerRequest": 83,
              "peakToAverage": 2}, "answers": {"currentMonthlySpendUsd": 80000, "mlOpsEngineers": 0},
             "evals": [{"model": "gpt-4.1", "role": "INCUMBENT", "score": 91}, {"model": "llama-3-70b", "role": "CANDIDATE", "score": 87}]}""";

    @Test
    void aNewTokenIsShownOnceStoredAsAHashAndAuditedWithoutTheSecret() {
        long before = AuditLog.maxId();
        WebSession omar = WebSession.as("omar");
        String token = Tokens.make(omar, "nightly estimates", "ESTIMATES");

        assertThat(token).startsWith("hrt_").hasSizeGreaterThan(40);
        String list = omar.get("/account/tokens").then().statusCode(200).extract().asString();
        assertThat(list).contains("nightly estimates").contains("Estimates").contains(token.substring(0, 10) + "&hellip;")
                .doesNotContain(token).contains("never");
        String stored = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("name", "nightly estimates")
                .firstResult().tokenHash);
        assertThat(stored).hasSize(64).doesNotContain(token.substring(4, 20));
        List<AuditEvent> created = AuditLog.since(before, "API_TOKEN_CREATED");
        assertThat(created).singleElement().satisfies(e -> {
            assertThat(e.actor).isEqualTo("omar");
            assertThat(e.details).containsEntry("scope", "ESTIMATES").containsEntry("name", "nightly estimates");
            assertThat(String.valueOf(e.details)).doesNotContain(token.substring(4));
        });
    }

    @Test
    void aBadFormIsRefusedWithTheInputKept() {
        WebSession omar = WebSession.as("omar");
        Response page = omar.post("/account/tokens", "name", "kept name", "scope", "EVERYTHING", "expiresInDays", "400");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString()).contains("Choose one of the listed scopes.").contains("Between 1 and 365 days.")
                .contains("value=\"kept name\"").doesNotContain("id=\"token-value\"");
    }

    @Test
    void aBearerTokenCallsTheApiWithinItsScopeAndGets403Outside() {
        WebSession omar = WebSession.as("omar");
        String estimates = Tokens.make(omar, "estimates", "ESTIMATES");
        String read = Tokens.make(omar, "read only", "READ");

        given().header("Authorization", "Bearer " + estimates).contentType("application/json").body(ESTIMATE)
                .post("/api/v1/estimates").then().statusCode(200).header("Deprecation", (String) null);
        given().header("Authorization", "Bearer " + read).contentType("application/json").body(ESTIMATE)
                .post("/api/v1/estimates").then().statusCode(403);
        // an admin-only endpoint stays admin-only whatever the scope
        given().header("Authorization", "Bearer " + read).get("/api/v1/audit/verify").then().statusCode(403);
        given().header("Authorization", "Bearer hrt_" + "x".repeat(43)).get("/api/v1/audit/verify").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aTokenSeesOnlyWhatItsOwnerSees() {
        long priyasProposal = Demo.workedExample();
        String priyas = Tokens.make(WebSession.as("priya"), "priya reads", "READ");
        String omars = Tokens.make(WebSession.as("omar"), "omar reads", "READ");

        given().header("Authorization", "Bearer " + priyas).get("/api/v1/proposals/" + priyasProposal + "/recommendation")
                .then().statusCode(200);
        int other = given().header("Authorization", "Bearer " + omars)
                .get("/api/v1/proposals/" + priyasProposal + "/recommendation").statusCode();
        int basicOther = given().auth().preemptive().basic("omar", WebSession.DEMO_PASSWORD)
                .get("/api/v1/proposals/" + priyasProposal + "/recommendation").statusCode();
        assertThat(other).isEqualTo(basicOther).isIn(403, 404);
    }

    @Test
    void aRevokedTokenStopsAtOnceAndTheRevocationIsAudited() {
        WebSession rachel = WebSession.as("rachel");
        long id = Demo.workedExample();
        String token = Tokens.make(rachel, "to revoke", "READ");
        given().header("Authorization", "Bearer " + token).get("/api/v1/proposals/" + id + "/recommendation").then().statusCode(200);
        long tokenId = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("name", "to revoke").firstResult().id);
        long before = AuditLog.maxId();

        rachel.post("/account/tokens/" + tokenId + "/revoke").then().statusCode(303);

        given().header("Authorization", "Bearer " + token).get("/api/v1/proposals/" + id + "/recommendation").then().statusCode(401);
        assertThat(AuditLog.since(before, "API_TOKEN_REVOKED")).singleElement()
                .satisfies(e -> assertThat(e.details).containsEntry("name", "to revoke"));
        rachel.get("/account/tokens").then().body(containsString("revoked")).body(not(containsString(token)));
        // someone else's token cannot be revoked by id
        String victors = Tokens.make(WebSession.as("victor"), "victor's", "READ");
        long victorsId = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("name", "victor's").firstResult().id);
        rachel.post("/account/tokens/" + victorsId + "/revoke").then().statusCode(303);
        given().header("Authorization", "Bearer " + victors).get("/api/v1/proposals/" + id + "/recommendation").then().statusCode(200);
    }

    @Test
    void basicStillWorksAndSaysItIsDeprecated() {
        long id = Demo.workedExample();
        Response basic = given().auth().preemptive().basic("rachel", WebSession.DEMO_PASSWORD)
                .get("/api/v1/proposals/" + id + "/recommendation");
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.getHeader("Deprecation")).matches("@\\d+");
        assertThat(basic.getHeader("Sunset")).contains("2027");
        assertThat(basic.getHeader("Link")).contains("/account/tokens").contains("rel=\"deprecation\"");
    }
}
