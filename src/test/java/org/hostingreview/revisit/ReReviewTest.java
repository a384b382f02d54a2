package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;

import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A re-opened decision: what changed since approval, then reaffirmed or superseded under the first review's rules. */
@QuarkusTest
class ReReviewTest {

    /** A cheap decision (one approval) re-opened by a check-in at seven times its volume. */
    static long reopened() {
        long id = RevisitFixtures.approved("12000");
        WebSession.as("priya").post("/proposals/" + id + "/checkins",
                RevisitFixtures.monthAt(210_000_000, RevisitFixtures.decidedCost(id) * 7)).then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        return id;
    }

    @Test
    void whatChangedShowsThenAndNowWithTheDeltasHighlighted() {
        long id = reopened();
        String page = WebSession.as("rachel").get("/proposals/" + id + "/changes").then().statusCode(200).extract().asString();
        String workload = DemoRevisitsTest.section(page, "workload-title");
        assertThat(workload).contains("30,000,000").contains("<tr class=\"changed\"><th scope=\"row\">Requests per month</th>")
                .contains("+600%");
        assertThat(page).contains("id=\"cost-deltas\"").contains("Why it is back for review").contains("VOLUME_DOUBLED")
                .contains("the check-in that re-opened it").contains("href=\"/proposals/" + id + "#review\"");
        assertThat(page).containsPattern("id=\"rules-added\">.*S2_HYPERSCALE");
        assertThat(page).contains("id=\"recommendation-change\"");

        long draft = ReviewFixtures.submitted("priya", "12000");
        WebSession.as("rachel").get("/proposals/" + draft + "/changes").then().statusCode(404);
        WebSession.as("omar").get("/proposals/" + id + "/changes").then().statusCode(404);
    }

    @Test
    void aReviewerReaffirmsWithANewDateAndTheOwnerMayNot() {
        long id = reopened();
        int round = RevisitFixtures.load(id).reviewRound;
        ReviewFixtures.review(WebSession.as("priya"), id, "APPROVE", null, null).then().statusCode(403);

        LocalDate next = TestClock.appToday().plusDays(60);
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", null, null, "nextReviewOn", next.toString()).then()
                .statusCode(303);
        // Decided on the observed workload (seven times the filed volume), the stake now needs a second reviewer.
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        ReviewFixtures.review(WebSession.as("dana"), id, "APPROVE", null, null, "nextReviewOn", next.plusDays(10).toString())
                .then().statusCode(303);

        Proposal p = RevisitFixtures.load(id);
        assertThat(p.status).isEqualTo(ProposalStatus.APPROVED);
        assertThat(p.nextReviewOn).isEqualTo(next);
        assertThat(p.dueReasons).isEmpty();
        assertThat(p.dueSince).isNull();
        assertThat(p.reviewRound).isEqualTo(round);
        assertThat(ReviewFixtures.reviewsOf(id)).filteredOn(r -> r.round == round).hasSize(2);
        WebSession.as("rachel").get("/proposals/" + id).then().body(containsString("next review " + next));
    }

    @Test
    void rejectingIsNotAnOptionForADecisionDueForReviewButSupersedingIs() {
        long id = reopened();
        ReviewFixtures.review(WebSession.as("rachel"), id, "REJECT", null, null).then().statusCode(400);
        long auditBefore = AuditLog.maxId();

        ReviewFixtures.review(WebSession.as("rachel"), id, "SUPERSEDE", null, null).then().statusCode(303);

        Proposal original = RevisitFixtures.load(id);
        assertThat(original.status).isEqualTo(ProposalStatus.SUPERSEDED);
        assertThat(original.supersededById).isNotNull();
        Proposal successor = RevisitFixtures.load(original.supersededById);
        assertThat(successor.status).isEqualTo(ProposalStatus.DRAFT);
        assertThat(successor.supersedesId).isEqualTo(id);
        assertThat(successor.title).startsWith("Revisit: ");
        assertThat(successor.workload.requestsPerMonth).as("pre-filled from the latest check-in").isBetween(209_990_000L, 210_010_000L);
        assertThat(runs(successor.id)).isEqualTo(runs(id));
        assertThat(AuditLog.since(auditBefore, "PROPOSAL_CREATED")).singleElement()
                .satisfies(e -> assertThat(e.entityId).isEqualTo(String.valueOf(successor.id)));

        WebSession priya = WebSession.as("priya");
        priya.get("/proposals/" + id).then().body(containsString("Superseded by <a href=\"/proposals/" + successor.id + "\">"));
        priya.get("/proposals/" + successor.id).then().body(containsString("Supersedes <a href=\"/proposals/" + id + "\">"));
    }

    private static long runs(long id) {
        return QuarkusTransaction.requiringNew().call(() -> EvalResult.count("proposal.id", id));
    }
}
