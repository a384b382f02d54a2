package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.proposal.Trigger;
import org.hostingreview.review.DecisionSnapshot;
import org.hostingreview.review.Review;
import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A decision re-opened by growth settles at the observed workload and stays settled until reality moves again. */
@QuarkusTest
class SettlingTest {

    static final YearMonth THIRD_LAST = YearMonth.now().minusMonths(3);
    static final YearMonth SECOND_LAST = YearMonth.now().minusMonths(2);
    static final YearMonth LAST = YearMonth.now().minusMonths(1);

    /** A check-in form for a whole calendar month at the given monthly volume and spend. */
    static Map<String, Object> month(YearMonth month, long requestsPerMonth, double spendPerMonth) {
        int days = month.lengthOfMonth();
        return WebSession.pairs("periodStart", month.atDay(1).toString(), "periodEnd", month.atEndOfMonth().toString(),
                "requests", String.valueOf(Math.round(requestsPerMonth * days / RevisitFixtures.DAYS_PER_MONTH)),
                "inputTokensPerRequest", "1000", "outputTokensPerRequest", "83",
                "spendUsd", String.format("%.2f", spendPerMonth * days / RevisitFixtures.DAYS_PER_MONTH), "spendTier", "",
                "observedQuality", "91", "incidents", "0", "notes", "actuals");
    }

    static String label(YearMonth month) {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + month.getYear();
    }

    static Review inForce(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Review.<Review>find(
                "proposal.id = ?1 and verdict = 'APPROVE' and completesDecision = true order by id desc", id).firstResult());
    }

    @Test
    void theWorkedExampleReopenedAt200MIsReaffirmedAtTheObservedWorkloadAndOnlyA400MCheckInReopensIt() {
        long id = RevisitFixtures.approved("$80,000");
        Tier decided = RevisitFixtures.load(id).decidedTier;
        double perRequest = RevisitFixtures.decidedCost(id) / 30_000_000;
        WebSession priya = WebSession.as("priya");

        priya.post("/proposals/" + id + "/checkins", month(THIRD_LAST, 200_000_000, perRequest * 200_000_000)).then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);

        // The reviewer sees the check-in that re-opened it beside the filed figures.
        String proposalPage = WebSession.as("rachel").get("/proposals/" + id).then().statusCode(200).extract().asString();
        String observed = DemoRevisitsTest.section(proposalPage, "observed-basis");
        assertThat(observed).contains(label(THIRD_LAST)).contains("30,000,000").contains("200,000,00");
        // and the recommendation above it is the one decided on: at the observed volume (S2 fires there, not at 30M),
        // while a what-if still shows what was asked
        assertThat(recommendationBox(proposalPage)).contains("S2_HYPERSCALE").contains("Frontier-closed spend at this volume is $532.8k");
        String whatIf = WebSession.as("rachel").get("/proposals/" + id + "?requests=40000000").asString();
        assertThat(recommendationBox(whatIf)).contains("what-if, not saved").doesNotContain("Frontier-closed spend at this volume is $532.8k");

        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", decided.name(), null, "justification",
                "Hosted-open stays simpler for now.").then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).as("four eyes at this stake").isEqualTo(ProposalStatus.REVIEW_DUE);
        String pending = priya.get("/proposals/" + id + "/decision").then().statusCode(200).extract().asString();
        assertThat(pending).contains("Status: accepted, back for review since").contains("a reaffirmation awaits a second approval");

        ReviewFixtures.review(WebSession.as("dana"), id, "APPROVE", decided.name(), null, "justification",
                "Agreed: hosted-open until the plan's gate.").then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);

        DecisionSnapshot settled = inForce(id).snapshot;
        assertThat(settled.basis().kind()).isEqualTo(DecisionSnapshot.Basis.Kind.OBSERVED);
        assertThat(settled.basis().periodLabel()).isEqualTo(label(THIRD_LAST));
        assertThat(settled.requestsPerMonth()).isBetween(199_990_000L, 200_010_000L);
        assertThat(settled.monthlySpendUsd()).isCloseTo(perRequest * 200_000_000, org.assertj.core.data.Offset.offset(5.0));
        String basis = String.format("Reaffirmed at %,d requests/month (observed %s)", settled.requestsPerMonth(), label(THIRD_LAST));
        assertThat(priya.get("/proposals/" + id + "/decision").asString()).contains(basis).contains("Status: accepted")
                .doesNotContain("back for review");
        assertThat(priya.get("/proposals/" + id + "/decision.md").asString()).contains("* Status: accepted\n")
                .contains(String.format("reaffirmed at %,d requests/month (observed %s)", settled.requestsPerMonth(),
                        label(THIRD_LAST)));

        // The same volume next month: settled.
        long auditBefore = AuditLog.maxId();
        priya.get("/proposals/" + id + "/checkins").then().statusCode(200);
        priya.post("/proposals/" + id + "/checkins", month(SECOND_LAST, 200_000_000, perRequest * 200_000_000)).then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);
        assertThat(RevisitFixtures.checkins(id).get(0).reasons).isEmpty();
        assertThat(AuditLog.since(auditBefore, "PROPOSAL_REOPENED")).isEmpty();

        // Twice that: reality moved again.
        priya.post("/proposals/" + id + "/checkins", month(LAST, 400_000_000, perRequest * 400_000_000)).then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        assertThat(RevisitFixtures.load(id).dueReasons).extracting(ReopenReason::trigger).contains(Trigger.VOLUME_DOUBLED);
    }

    @Test
    void aReopeningNamesOnlyRulesThatReallyFlippedAndWhatChangedAgrees() {
        long id = RevisitFixtures.approved("$80,000");
        double perRequest = RevisitFixtures.decidedCost(id) / 30_000_000;
        WebSession.as("priya").post("/proposals/" + id + "/checkins", month(LAST, 200_000_000, perRequest * 200_000_000)).then()
                .statusCode(303);

        List<ReopenReason> reasons = RevisitFixtures.load(id).dueReasons;
        assertThat(reasons).extracting(ReopenReason::code).doesNotContain("H2_UNDER_THRESHOLD");
        String page = WebSession.as("rachel").get("/proposals/" + id + "/changes").then().statusCode(200).extract().asString();
        for (ReopenReason flip : reasons.stream().filter(r -> r.trigger() == Trigger.RULE_FLIPPED).toList()) {
            assertThat(flip.then()).isNotEqualTo(flip.now());
            assertThat(page).as("what changed lists " + flip.subject())
                    .containsPattern("id=\"rules-(added|removed)\">[^/]*" + flip.subject());
        }
        assertThat(reasons).filteredOn(r -> r.trigger() == Trigger.RULE_FLIPPED).extracting(ReopenReason::subject)
                .contains("S2_HYPERSCALE");
    }

    @Test
    void aBackFilledMonthIsComparedAsItselfAndSupersedingStartsFromTheCheckInThatReopened() {
        long id = RevisitFixtures.approved("$80,000");
        double perRequest = RevisitFixtures.decidedCost(id) / 30_000_000;
        WebSession priya = WebSession.as("priya");
        priya.post("/proposals/" + id + "/checkins", month(LAST, 30_000_000, perRequest * 30_000_000)).then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);

        // The month before, entered late, at 200M.
        priya.post("/proposals/" + id + "/checkins", month(SECOND_LAST, 200_000_000, perRequest * 200_000_000)).then()
                .statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);

        String page = WebSession.as("rachel").get("/proposals/" + id + "/changes").then().statusCode(200).extract().asString();
        assertThat(page).contains("the check-in that re-opened it (" + label(SECOND_LAST));
        assertThat(DemoRevisitsTest.section(page, "workload-title")).contains("200,000,00");
        assertThat(DemoRevisitsTest.section(page, "later-title")).contains(label(LAST));

        ReviewFixtures.review(WebSession.as("rachel"), id, "SUPERSEDE", null, null).then().statusCode(303);
        priya.get("/proposals/" + id).then().statusCode(200);
        var successor = RevisitFixtures.load(RevisitFixtures.load(id).supersededById);
        assertThat(successor.workload.requestsPerMonth).as("from the re-opening check-in, not the latest period")
                .isBetween(199_990_000L, 200_010_000L);

        String decision = priya.get("/proposals/" + id + "/decision").then().statusCode(200).extract().asString();
        assertThat(decision).contains("Status: superseded by #" + successor.id);
        assertThat(priya.get("/proposals/" + id + "/decision.md").asString()).contains("* Status: superseded by #" + successor.id);
    }

    @Test
    void aBackFilledMonthOlderThanTheSettledOneDoesNotReopen() {
        long id = RevisitFixtures.approved("12000");
        double perRequest = RevisitFixtures.decidedCost(id) / 30_000_000;
        WebSession priya = WebSession.as("priya");
        priya.post("/proposals/" + id + "/checkins", month(LAST, 70_000_000, perRequest * 70_000_000)).then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        for (String reviewer : List.of("rachel", "dana")) {
            if (RevisitFixtures.load(id).status == ProposalStatus.REVIEW_DUE) {
                ReviewFixtures.review(WebSession.as(reviewer), id, "APPROVE", RevisitFixtures.load(id).decidedTier.name(), null,
                        "justification", "Stays.").then().statusCode(303);
            }
        }
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);

        priya.post("/proposals/" + id + "/checkins", month(THIRD_LAST, 20_000_000, perRequest * 20_000_000)).then().statusCode(303);

        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);
        assertThat(RevisitFixtures.checkins(id)).filteredOn(c -> c.periodStart.equals(THIRD_LAST.atDay(1))).singleElement()
                .satisfies(c -> assertThat(c.reasons).isEmpty());
    }

    /** The recommendation section of a proposal page: from its heading to the table of costs. */
    private static String recommendationBox(String page) {
        int from = page.indexOf("<section class=\"recommendation\"");
        int to = page.indexOf("<h3>Cost against volume</h3>", from);
        return page.substring(from, to < 0 ? page.length() : to);
    }
}
