package org.hostingreview.revisit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Check-ins of actuals: the form, the JSON API and CSV imports, and when they re-open a decision. */
@QuarkusTest
class CheckinTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    Notifier notifier;

    @Test
    void theWorkedExampleApprovedAt30MReopensWhenItReports200M() {
        long id = RevisitFixtures.approved("$80,000");
        long auditBefore = AuditLog.maxId();
        WebSession priya = WebSession.as("priya");
        double spendAt200M = RevisitFixtures.decidedCost(id) * 200 / 30;

        priya.post("/proposals/" + id + "/checkins", RevisitFixtures.monthAt(200_000_000, spendAt200M)).then().statusCode(303);

        Proposal p = RevisitFixtures.load(id);
        assertThat(p.status).isEqualTo(ProposalStatus.REVIEW_DUE);
        assertThat(p.dueSince).isEqualTo(TestClock.appToday());
        assertThat(p.dueReasons).anyMatch(r -> r.label().startsWith("S2_HYPERSCALE: now fires"))
                .anyMatch(r -> r.label().startsWith("VOLUME_DOUBLED: 200,000,00"));
        assertThat(AuditLog.since(auditBefore, "CHECKIN_RECORDED")).hasSize(1);
        assertThat(AuditLog.since(auditBefore, "PROPOSAL_REOPENED")).singleElement()
                .satisfies(e -> assertThat(e.entityId).isEqualTo(String.valueOf(id)));
        String page = priya.get("/proposals/" + id + "/checkins").then().statusCode(200).extract().asString();
        assertThat(page).contains("It re-opened the decision").contains("Re-opened the decision").contains("S2_HYPERSCALE");
        priya.get("/proposals/" + id).then().body(containsString("Back for review since")).body(containsString("VOLUME_DOUBLED"));
        notifier.deliver(); // the outbox poller's work, run by the test
        assertThat(mailbox.getMailsSentTo("priya@demo.hosting-review.test")).filteredOn(m -> m.getSubject().startsWith(
                "[Hosting Review] #" + id + " ")).singleElement().satisfies(m -> assertThat(m.getText()).contains("S2_HYPERSCALE"));
    }

    @Test
    void theApiReportsTheReopeningWithItsReasons() {
        long id = RevisitFixtures.approved("$80,000");
        LocalDate end = TestClock.appToday().minusDays(1);
        String body = String.format("""
                {"periodStart": "%s", "periodEnd": "%s", "requests": %d, "inputTokensPerRequest": 1000,
                 "outputTokensPerRequest": 83, "spendUsd": 59770, "observedQuality": 90.5, "notes": "from the gateway"}""",
                end.minusDays(29), end, Math.round(200_000_000L * 30 / RevisitFixtures.DAYS_PER_MONTH));

        JsonPath json = given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body(body).post("/api/v1/proposals/" + id + "/checkins").then().statusCode(201).extract().jsonPath();

        assertThat(json.getBoolean("reopened")).isTrue();
        assertThat(json.getList("reasons", String.class)).contains("S2_HYPERSCALE", "VOLUME_DOUBLED");
        assertThat(json.getLong("checkin.requestsPerMonth")).isBetween(199_999_000L, 200_001_000L);
        assertThat(json.getString("checkin.spendTier")).isEqualTo(RevisitFixtures.load(id).decidedTier.name());
        assertThat(json.getString("recommendation.recommendedTier")).isNotBlank();
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        assertThat(RevisitFixtures.checkins(id)).singleElement().satisfies(c -> assertThat(c.source).isEqualTo(Checkin.Source.API));
    }

    @Test
    void aCheckInWithUnchangedVolumeLeavesTheDecisionApproved() {
        long id = RevisitFixtures.approved("$80,000");
        long auditBefore = AuditLog.maxId();

        WebSession.as("priya").post("/proposals/" + id + "/checkins",
                RevisitFixtures.monthAt(30_000_000, RevisitFixtures.decidedCost(id))).then().statusCode(303);

        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);
        assertThat(RevisitFixtures.checkins(id)).singleElement().satisfies(c -> {
            assertThat(c.reopened).isFalse();
            assertThat(c.reasons).isEmpty();
        });
        assertThat(AuditLog.since(auditBefore, "CHECKIN_RECORDED")).hasSize(1);
        assertThat(AuditLog.since(auditBefore, "PROPOSAL_REOPENED")).isEmpty();
        WebSession.as("priya").get("/proposals/" + id + "/checkins").then().body(containsString("Nothing moved enough"));
    }

    @Test
    void badInputIsExplainedOnTheFormAndSavesNothing() {
        long id = RevisitFixtures.approved("12000");
        long auditBefore = AuditLog.maxId();
        Map<String, Object> form = RevisitFixtures.monthAt(30_000_000, 9000);
        form.put("periodEnd", TestClock.appToday().minusDays(40).toString());
        form.put("requests", "lots");
        form.put("observedQuality", "140");

        String page = WebSession.as("priya").post("/proposals/" + id + "/checkins", form).then().statusCode(400).extract().asString();

        assertThat(page).contains("The period cannot end before it starts.").contains("Enter a whole number, like 1200.")
                .contains("Enter a score from 0 to 100.").contains("value=\"lots\"");
        assertThat(RevisitFixtures.checkins(id)).isEmpty();
        assertThat(AuditLog.since(auditBefore, "CHECKIN_RECORDED")).isEmpty();

        given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body("{\"periodStart\": \"2026-01-01\", \"periodEnd\": \"2025-12-01\", \"requests\": -5}")
                .post("/api/v1/proposals/" + id + "/checkins").then().statusCode(400)
                .body(containsString("requests")).body(containsString("inputTokensPerRequest"));
        assertThat(RevisitFixtures.checkins(id)).isEmpty();
    }

    @Test
    void onlyTheOwnersTeamChecksInAndOnlyOnADecisionInForce() {
        long id = RevisitFixtures.approved("12000");
        WebSession.as("omar").post("/proposals/" + id + "/checkins", RevisitFixtures.monthAt(30_000_000, 9000)).then()
                .statusCode(404);
        WebSession victor = WebSession.as("victor");
        victor.post("/proposals/" + id + "/checkins", RevisitFixtures.monthAt(30_000_000, 9000)).then().statusCode(403);
        given().auth().preemptive().basic("victor", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body(apiBody(30_000_000)).post("/api/v1/proposals/" + id + "/checkins").then().statusCode(403);
        victor.get("/proposals/" + id + "/checkins").then().statusCode(200)
                .body(containsString("Only Document AI records check-ins for this feature."));
        assertThat(RevisitFixtures.checkins(id)).isEmpty();

        long submitted = org.hostingreview.review.ReviewFixtures.submitted("priya", "12000");
        given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body(apiBody(30_000_000)).post("/api/v1/proposals/" + submitted + "/checkins").then().statusCode(409);
        WebSession.as("priya").get("/proposals/" + submitted + "/checkins").then().statusCode(200)
                .body(containsString("this proposal has none in force"));
    }

    @Test
    void aSpendExportImportsOneCheckInPerMonthOfThisFeature() {
        long id = RevisitFixtures.approved("12000");
        String feature = featureOf(id);
        YearMonth first = YearMonth.now().minusMonths(2);
        YearMonth second = first.plusMonths(1);
        StringBuilder csv = new StringBuilder("date,feature,spend,requests,input_tokens,output_tokens\n");
        for (YearMonth month : List.of(first, second)) {
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                csv.append(month.atDay(day)).append(',').append(feature).append(",300.50,1000000,1000000000,83000000\n");
                csv.append(month.atDay(day)).append(",Some other feature,99.00,5000,1,1\n");
            }
        }

        WebSession priya = WebSession.as("priya");
        priya.upload("/proposals/" + id + "/checkins/csv", "file", "spend.csv", csv.toString()).then().statusCode(303);

        List<Checkin> checkins = RevisitFixtures.checkins(id);
        assertThat(checkins).hasSize(2).allSatisfy(c -> {
            assertThat(c.source).isEqualTo(Checkin.Source.CSV);
            assertThat(c.inputTokensPerRequest).isEqualTo(1000);
            assertThat(c.outputTokensPerRequest).isEqualTo(83);
        });
        assertThat(checkins.get(1).periodStart).isEqualTo(first.atDay(1));
        assertThat(checkins.get(1).periodEnd).isEqualTo(first.atEndOfMonth());
        assertThat(checkins.get(1).requests).isEqualTo(first.lengthOfMonth() * 1_000_000L);
        assertThat(checkins.get(0).spendUsd).isEqualByComparingTo(String.valueOf(second.lengthOfMonth() * 300.5));
        priya.get("/proposals/" + id + "/checkins").then().body(containsString("Imported 2 check-ins, skipped "
                + (first.lengthOfMonth() + second.lengthOfMonth()) + " rows of other features"));
    }

    @Test
    void aSpendExportWithOneBadRowImportsNothingAndNamesTheLine() {
        long id = RevisitFixtures.approved("12000");
        long auditBefore = AuditLog.maxId();
        String feature = featureOf(id);
        LocalDate day = TestClock.appToday().minusDays(10);
        String csv = "date,feature,spend,requests,input_tokens,output_tokens\n"
                + day + "," + feature + ",300,1000000,1000000000,83000000\n"
                + day.plusDays(1) + "," + feature + ",310,1000000,1000000000,83000000\n"
                + day.plusDays(2) + "," + feature + ",three hundred,1000000,1000000000,83000000\n"
                + day.plusDays(3) + "," + feature + ",290,1000000,1000000000,83000000\n";

        String page = WebSession.as("priya").upload("/proposals/" + id + "/checkins/csv", "file", "spend.csv", csv).then()
                .statusCode(400).extract().asString();

        assertThat(page).contains("Nothing was imported").contains("Line 4: spend, requests and tokens must be numbers");
        assertThat(page).doesNotContain("Line 3").doesNotContain("Line 5");
        assertThat(RevisitFixtures.checkins(id)).isEmpty();
        assertThat(AuditLog.since(auditBefore, "CHECKIN_RECORDED")).isEmpty();

        WebSession.as("priya").upload("/proposals/" + id + "/checkins/csv", "file", "spend.csv", "when,what\n1,2\n").then()
                .statusCode(400).body(containsString("Line 1: expected the header"));
    }

    static String featureOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).feature.name);
    }

    static String apiBody(long requestsPerMonth) {
        LocalDate end = TestClock.appToday().minusDays(1);
        return String.format("{\"periodStart\": \"%s\", \"periodEnd\": \"%s\", \"requests\": %d, \"inputTokensPerRequest\": 1000,"
                + " \"outputTokensPerRequest\": 83, \"spendUsd\": 9000}", end.minusDays(29), end,
                Math.round(requestsPerMonth * 30 / RevisitFixtures.DAYS_PER_MONTH));
    }
}
