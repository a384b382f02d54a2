package org.hostingreview.revisit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.proposal.Trigger;
import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** One check-in per period (form, API, CSV), idempotent API posts, real CSV with bounds, one price reason per row. */
@QuarkusTest
class CheckinTrustTest {

    @Test
    void theSamePeriodTwiceIsRefusedOnTheFormUnlessTheUserReplacesIt() {
        long id = RevisitFixtures.approved("12000");
        WebSession priya = WebSession.as("priya");
        Map<String, Object> first = RevisitFixtures.monthAt(30_000_000, 9000);
        priya.post("/proposals/" + id + "/checkins", first).then().statusCode(303);

        Map<String, Object> again = RevisitFixtures.monthAt(31_000_000, 9100);
        String page = priya.post("/proposals/" + id + "/checkins", again).then().statusCode(400).extract().asString();
        assertThat(page).contains("is already recorded; one check-in per period").contains("value=\"" + again.get("requests") + "\"");
        assertThat(RevisitFixtures.checkins(id)).singleElement()
                .satisfies(c -> assertThat(c.requests).isEqualTo(Long.parseLong((String) first.get("requests"))));

        long auditBefore = AuditLog.maxId();
        again.put("replace", "on");
        priya.post("/proposals/" + id + "/checkins", again).then().statusCode(303);

        assertThat(RevisitFixtures.checkins(id)).singleElement()
                .satisfies(c -> assertThat(c.requests).isEqualTo(Long.parseLong((String) again.get("requests"))));
        assertThat(AuditLog.since(auditBefore, "CHECKIN_REPLACED")).singleElement()
                .satisfies(e -> assertThat(e.details.get("requests").toString()).isEqualTo(first.get("requests")));
        assertThat(AuditLog.since(auditBefore, "CHECKIN_RECORDED")).hasSize(1);
    }

    @Test
    void theApiRefusesADuplicatePeriodAndHonoursTheIdempotencyKey() {
        long id = RevisitFixtures.approved("12000");
        String body = CheckinTest.apiBody(30_000_000);
        JsonPath first = api("retry-1").body(body).post("/api/v1/proposals/" + id + "/checkins").then().statusCode(201).extract()
                .jsonPath();

        JsonPath repeated = api("retry-1").body(body).post("/api/v1/proposals/" + id + "/checkins").then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract().jsonPath();
        assertThat(repeated.getLong("checkin.id")).isEqualTo(first.getLong("checkin.id"));

        api("another-key").body(body).post("/api/v1/proposals/" + id + "/checkins").then().statusCode(400)
                .body(containsString("periodStart")).body(containsString("one check-in per period"));
        assertThat(RevisitFixtures.checkins(id)).hasSize(1);

        api(null).body(body).post("/api/v1/proposals/" + id + "/checkins?replace=true").then().statusCode(201);
        assertThat(RevisitFixtures.checkins(id)).hasSize(1);
    }

    @Test
    void aSpendExportWithQuotedThousandsABomAndCrlfImportsAndTheSameFileAgainIsRefused() {
        long id = RevisitFixtures.approved("12000");
        String feature = CheckinTest.featureOf(id);
        YearMonth month = YearMonth.now().minusMonths(1);
        String csv = "\uFEFFdate,feature,spend,requests,input_tokens,output_tokens\r\n"
                + month.atDay(1) + ",\"" + feature + "\",\"1,200.50\",\"1,000,000\",1000000000,83000000\r\n"
                + month.atDay(2) + "," + feature + ",\"1,199.50\",1000000,1000000000,83000000\r\n";
        WebSession priya = WebSession.as("priya");

        priya.upload("/proposals/" + id + "/checkins/csv", "file", "spend.csv", csv).then().statusCode(303);

        assertThat(RevisitFixtures.checkins(id)).singleElement().satisfies(c -> {
            assertThat(c.spendUsd).isEqualByComparingTo("2400.00");
            assertThat(c.requests).isEqualTo(2_000_000L);
            assertThat(c.inputTokensPerRequest).isEqualTo(1000);
        });

        priya.get("/proposals/" + id + "/checkins").then().statusCode(200);
        String page = priya.upload("/proposals/" + id + "/checkins/csv", "file", "spend.csv", csv).then().statusCode(400).extract()
                .asString();
        assertThat(page).contains("Nothing was imported").contains("is already recorded");
        assertThat(RevisitFixtures.checkins(id)).hasSize(1);
    }

    @Test
    void aNumberOutOfRangeIsAnErrorOnItsLineAndNothingIsStored() {
        long id = RevisitFixtures.approved("12000");
        String feature = CheckinTest.featureOf(id);
        LocalDate day = TestClock.appToday().minusDays(5);
        String csv = "date,feature,spend,requests,input_tokens,output_tokens\n"
                + day + "," + feature + ",300,1000000,1000000000,83000000\n"
                + day.plusDays(1) + "," + feature + ",300,1e999,1000000000,83000000\n"
                + day.plusDays(2) + "," + feature + ",1e20,1000000,1000000000,83000000\n";

        String page = WebSession.as("priya").upload("/proposals/" + id + "/checkins/csv", "file", "spend.csv", csv).then()
                .statusCode(400).extract().asString();

        assertThat(page).contains("Line 3: out of range: requests are above").contains("Line 4: out of range: spend is above")
                .doesNotContain("Line 2");
        assertThat(RevisitFixtures.checkins(id)).isEmpty();
    }

    @Test
    void onePriceChangeGivesOneReasonPerCatalogRowWithOldAndNew() {
        String model = "row-price-" + System.nanoTime();
        WebSession dana = WebSession.as("dana");
        addPrice(dana, model, "1.00", TestClock.appToday().minusDays(1));
        long id = ProposalFixtures.submittedWithCandidate(WebSession.as("priya"), "Priced on " + model, model, "3000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", "HOSTED_OPEN", null).then().statusCode(303);

        addPrice(dana, model, "1.50", TestClock.appToday());

        List<ReopenReason> prices = RevisitFixtures.load(id).dueReasons.stream().filter(r -> r.trigger() == Trigger.PRICE_CHANGED)
                .toList();
        assertThat(prices).singleElement().satisfies(r -> {
            assertThat(r.subject()).startsWith("model_price:");
            assertThat(r.then()).contains("1");
            assertThat(r.now()).contains("1.5");
            assertThat(r.text()).contains("+50%");
        });
    }

    private static io.restassured.specification.RequestSpecification api(String key) {
        var spec = given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json");
        return key == null ? spec : spec.header("Idempotency-Key", key);
    }

    private static void addPrice(WebSession admin, String model, String price, LocalDate from) {
        // the re-check runs after the change commits: wait for it as the admin would, on the change's page
        org.hostingreview.support.CatalogRecheck.awaitDone(admin, admin.post("/pricing/model-prices", WebSession.pairs("provider", "Together", "model", model, "tier", "HOSTED_OPEN",
                "inputUsdPerMTok", price, "outputUsdPerMTok", price, "cachedInputUsdPerMTok", "",
                "effectiveFrom", from.toString(), "source", "test", "checkedOn", TestClock.appToday().toString())));
    }
}
