package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.Demo;
import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Pages that say exactly what they mean, and admin details, as a user sees them. */
@QuarkusTest
class DayToDayPolishTest {

    @Test
    void checkInTokenFieldsStartAtTheDecidedWorkload() {
        long id = ReviewFixtures.submitted("priya", "12000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", null, null).then().statusCode(303);
        WebSession.as("priya").get("/proposals/" + id + "/checkins").then().statusCode(200)
                .body(containsString("name=\"inputTokensPerRequest\" type=\"text\" value=\"1000\""))
                .body(containsString("name=\"outputTokensPerRequest\" type=\"text\" value=\"83\""));
    }

    @Test
    void theAuditTrailReadsAsSentencesWithTheRawActionBeside() {
        long id = ReviewFixtures.submitted("priya", "12000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", null, null).then().statusCode(303);
        String timeline = WebSession.as("priya").get("/proposals/" + id + "/audit").then().statusCode(200).extract().asString();
        assertThat(timeline).contains("Rachel Kim approved #" + id + " for ").contains("<code>REVIEW_RECORDED</code>")
                .contains("Priya Natarajan submitted #" + id + " for review.");
    }

    @Test
    void thePortfolioSaysWhetherTheDifferenceIsASavingAndShowsDraftsApart() {
        String page = WebSession.as("dana").get("/portfolio").then().statusCode(200).extract().asString();
        assertThat(page).containsAnyOf("Saving under the recommendations", "Extra cost under the recommendations")
                .doesNotContain("feature(s)").doesNotContain("<h2>Difference</h2><p class=\"big\">&minus;");
    }

    @Test
    void demoPricesCarryTheirCheckDatesSoTheStalePriceWarningStaysQuiet() {
        WebSession.as("rachel").get("/proposals/" + Demo.workedExample()).then().statusCode(200)
                .body(containsString("W5_QUALITY_GAP")).body(not(containsString("W6_STALE_PRICES")));
    }

    @Test
    void theProposalsListShowsTheRecommendedAndTheDecidedTier() {
        WebSession.as("rachel").get("/proposals").then().statusCode(200)
                .body(containsString("Recommended now")).body(containsString("<th scope=\"col\">Decided</th>"))
                .body(containsString("data-label=\"Recommended now\">Hosted open weights"));
    }

    @Test
    void theWhatIfFormKeepsOnlyTheFieldsThatChangedInTheAddress() {
        long id = Demo.workedExample();
        WebSession rachel = WebSession.as("rachel");
        rachel.get("/proposals/" + id + "?whatIf=1&requests=300,000&asOf=&frontierInputUsdPerMTok=&flags=creditExistingMlOps"
                + "&flags=support24x7&support24x7=1").then().statusCode(303)
                .header("Location", containsString("/proposals/" + id + "?")).header("Location", containsString("requests=300%2C000"))
                .header("Location", containsString("support24x7=1")).header("Location", not(containsString("asOf")))
                .header("Location", not(containsString("creditExistingMlOps"))).header("Location", endsWith("#recommendation"));
        String page = rachel.get("/proposals/" + id + "?requests=300,000").then().statusCode(200).extract().asString();
        assertThat(page).contains("Against the proposal's own figures:").contains("the recommendation moves from Hosted open weights to")
                .contains("what-if: ").contains("the what-if&#39;s volume").doesNotContain("(today)</text>")
                .contains("type=\"checkbox\" value=\"1\"");
    }

    @Test
    void deactivatingAsksFirstAndARoleIsRequired() {
        WebSession admin = WebSession.as("admin");
        long victim = QuarkusTransaction.requiringNew()
                .call(() -> org.hostingreview.account.UserAccount.findFull("omar").orElseThrow().id);
        admin.get("/admin/users/" + victim + "/deactivate").then().statusCode(200)
                .body(containsString("Deactivate <code>omar</code>?")).body(containsString("signed out everywhere at once"));
        admin.get("/admin/users").then().body(containsString("href=\"/admin/users/" + victim + "/deactivate\""))
                .body(not(containsString("action=\"/admin/users/" + victim + "/deactivate\"")));

        long team = QuarkusTransaction.requiringNew().call(() -> org.hostingreview.account.Team.findByName("Document AI").id);
        admin.post("/admin/users", WebSession.pairs("username", "roleless", "displayName", "No Role", "email",
                "roleless@example.com", "teamId", team, "roles", List.of(), "password", "roleless-password-1"))
                .then().statusCode(400).body(containsString("Choose at least one role."));
    }

    @Test
    void theLoginFormKeepsTheUsernameAfterAFailedAttempt() {
        WebSession anonymous = WebSession.anonymous();
        var failed = anonymous.tryLogin("victor", "not-the-password");
        OwnerDatabase.forgetFailedSignIns();
        String cookie = failed.getCookie("hr_username");
        assertThat(cookie).isEqualTo("victor");
        io.restassured.RestAssured.given().cookie("hr_username", cookie).get("/login?error").then().statusCode(200)
                .body(containsString("name=\"j_username\" type=\"text\" value=\"victor\""));
    }
}
