package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.hostingreview.web.ConflictException;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReviewWorkflowTest {

    @Inject
    EntityManager em;

    @Test
    void illegalTransitionsAreRefusedByTheServiceAndByTheDatabase() {
        for (ProposalStatus from : ProposalStatus.values()) {
            for (ProposalStatus to : ProposalStatus.values()) {
                Proposal p = new Proposal();
                p.status = from;
                if (from == to) {
                    continue;
                }
                if (from.canMoveTo(to)) {
                    p.moveTo(to);
                    assertThat(p.status).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> p.moveTo(to)).isInstanceOf(ConflictException.class);
                }
            }
        }
        long draft = ProposalFixtures.draft(WebSession.as("priya"), "Transition", "Transition feature " + System.nanoTime());
        for (String illegal : List.of("APPROVED", "REJECTED", "REVIEW_DUE", "SUPERSEDED", "CHANGES_REQUESTED")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update proposal set status = '" + illegal + "' where id = " + draft).executeUpdate()))
                    .as(illegal).hasStackTraceContaining("illegal proposal transition DRAFT -> " + illegal);
        }
        assertThat(ProposalFixtures.load(draft).status).isEqualTo(ProposalStatus.DRAFT);
    }

    @Test
    void aSmallDecisionNeedsOneApprovalAndIsFrozenAndAudited() {
        long id = ReviewFixtures.submitted("priya", "3000");
        long before = AuditLog.maxId();

        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", "HOSTED_OPEN", null).then().statusCode(303);

        Proposal p = ProposalFixtures.load(id);
        assertThat(p.status).isEqualTo(ProposalStatus.APPROVED);
        assertThat(p.decidedTier).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(p.nextReviewOn).isNotNull();
        assertThat(AuditLog.since(before, "REVIEW_RECORDED")).hasSize(1);
        assertThat(AuditLog.since(before, "PROPOSAL_STATUS_CHANGED").get(0).details.get("changes").toString())
                .contains("SUBMITTED").contains("APPROVED");
        Review review = ReviewFixtures.reviewsOf(id).get(0);
        assertThat(review.snapshot.schemaVersion()).isEqualTo(org.hostingreview.review.DecisionSnapshot.CURRENT);
        assertThat(review.snapshot.proposal().title()).isEqualTo("Review me 3000");
        assertThat(review.snapshot.catalog()).isNotEmpty();
        assertThat(review.snapshot.monthlyCost(Tier.HOSTED_OPEN)).isPositive();
        assertThat(review.snapshot.chosenTier()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(review.snapshot.plan()).isNotEmpty();
        assertThat(review.snapshot.view()).isNotNull();
        WebSession.as("priya").get("/proposals/" + id + "/decision").then().statusCode(200)
                .body(containsString("Decision: Hosted open weights")).body(containsString("Looked at the numbers."));
        String md = WebSession.as("priya").get("/proposals/" + id + "/decision.md").then().statusCode(200).extract().asString();
        assertThat(md).contains("# Review me 3000: Hosted open weights").contains("## Context and problem statement")
                .contains("## Decision drivers").contains("## Considered options").contains("## Decision outcome")
                .contains("### Consequences").contains("Next review:");
        // the decision carries its phased plan: on the decision page and in the record
        assertThat(md).contains("### The plan").contains("1. **Now: Hosted open weights**");
        WebSession.as("priya").get("/proposals/" + id + "/decision").then().statusCode(200)
                .body(containsString("<h3 id=\"plan-title\">The plan</h3>"));
    }

    @Test
    void fourEyesNeedsTwoDifferentReviewersAndOneCannotApproveTwice() {
        long id = ReviewFixtures.submitted("priya", "80000");
        WebSession rachel = WebSession.as("rachel");

        ReviewFixtures.review(rachel, id, "APPROVE", "HOSTED_OPEN", null).then().statusCode(303);
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.SUBMITTED);
        rachel.get("/proposals/" + id).then().body(containsString("1 of 2 approvals"));
        ReviewFixtures.review(rachel, id, "APPROVE", "HOSTED_OPEN", null).then().statusCode(409);
        assertThat(ReviewFixtures.reviewsOf(id)).hasSize(1);

        ReviewFixtures.review(WebSession.as("dana"), id, "APPROVE", "HOSTED_OPEN", null).then().statusCode(303);
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void aRejectionByEitherReviewerEndsAFourEyesDecision() {
        long id = ReviewFixtures.submitted("priya", "80000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", "HOSTED_OPEN", null).then().statusCode(303);
        ReviewFixtures.review(WebSession.as("dana"), id, "REJECT", null, null).then().statusCode(303);
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.REJECTED);
    }

    @Test
    void ownersAndEditorsCannotReviewAdminsIncluded() {
        WebSession admin = WebSession.as("admin");
        String ada = "ada" + System.nanoTime() % 100000;
        admin.post("/admin/users", WebSession.pairs("username", ada, "displayName", "Ada", "email", ada + "@example.com",
                "teamId", QuarkusTransaction.requiringNew().call(() -> org.hostingreview.account.Team.findByName("Search & Support").id),
                "roles", List.of("PROPOSER", "REVIEWER", "ADMIN"), "password", "ada-password-1")).then().statusCode(303);
        WebSession adaSession = WebSession.as(ada, "ada-password-1");
        long own = ProposalFixtures.complete(adaSession, "Ada's own", "Ada feature " + System.nanoTime());
        adaSession.post("/proposals/" + own + "/submit", "version", ProposalFixtures.version(own)).then().statusCode(303);

        adaSession.get("/proposals/" + own).then().body(not(containsString("Record review")))
                .body(containsString("You own or edited this proposal"));
        ReviewFixtures.review(adaSession, own, "APPROVE", "HOSTED_OPEN", null).then().statusCode(403);

        long omars = ReviewFixtures.submitted("omar", "3000");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into proposal_editor (proposal_id, user_id) select " + omars + ", id from app_user where username = 'victor'")
                .executeUpdate());
        ReviewFixtures.review(WebSession.as("victor"), omars, "APPROVE", "HOSTED_OPEN", null).then().statusCode(403);
        assertThat(ReviewFixtures.reviewsOf(own)).isEmpty();
        assertThat(ReviewFixtures.reviewsOf(omars)).isEmpty();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into review (proposal_id, reviewer_id, round, verdict, recommended_tier, rationale, submission_token, "
                        + "snapshot, created_at) select p.id, p.owner_id, 1, 'APPROVE', 'HOSTED_OPEN', 'x', 'forged-" + own
                        + "', '{}', now() from proposal p where p.id = " + own).executeUpdate()))
                .hasStackTraceContaining("cannot review it");
    }

    @Test
    void aBlockerPreventsApprovingSelfHostedAndAnotherTierNeedsAJustification() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "No eval yet", "No eval feature " + System.nanoTime());
        var steps = ProposalFixtures.laterSteps();
        steps.put(6, WebSession.pairs("noEvalYet", "on"));
        steps.forEach((step, fields) -> ProposalFixtures.save(priya, id, step, fields));
        priya.post("/proposals/" + id + "/submit", "version", ProposalFixtures.version(id)).then().statusCode(303);
        WebSession rachel = WebSession.as("rachel");

        rachel.get("/proposals/" + id).then().body(containsString("Self-hosted open weights cannot be approved now"));
        ReviewFixtures.review(rachel, id, "APPROVE", "SELF_HOSTED", null, "justification", "We want control.")
                .then().statusCode(400).body(containsString("cannot be approved while B1_NO_EVAL fires"));
        ReviewFixtures.review(rachel, id, "APPROVE", "FRONTIER_CLOSED", null)
                .then().statusCode(400).body(containsString("Say why you choose Frontier closed API over the recommended"))
                .body(containsString("Looked at the numbers."));
        assertThat(ReviewFixtures.reviewsOf(id)).isEmpty();
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void aDoubleSubmittedFormRecordsOneReview() {
        long id = ReviewFixtures.submitted("priya", "3000");
        WebSession rachel = WebSession.as("rachel");
        String token = UUID.randomUUID().toString();
        String version = String.valueOf(ProposalFixtures.version(id));

        ReviewFixtures.review(rachel, id, "REQUEST_CHANGES", null, token, "version", version).then().statusCode(303);
        ReviewFixtures.review(rachel, id, "REQUEST_CHANGES", null, token, "version", version).then().statusCode(303);

        assertThat(ReviewFixtures.reviewsOf(id)).hasSize(1);
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.CHANGES_REQUESTED);
    }

    @Test
    void twoReviewersActingAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            long id = ReviewFixtures.submitted("priya", "80000");
            WebSession rachel = WebSession.as("rachel");
            WebSession dana = WebSession.as("dana");
            rachel.get("/proposals/" + id);
            dana.get("/proposals/" + id);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Callable<Integer>> both = new ArrayList<>();
            both.add(() -> ReviewFixtures.review(rachel, id, "APPROVE", "HOSTED_OPEN", null).statusCode());
            both.add(() -> ReviewFixtures.review(dana, id, "REQUEST_CHANGES", null, null).statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(both)) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(303, 409);
            assertThat(ReviewFixtures.reviewsOf(id)).hasSize(1);
        }
    }

    @Test
    void theQueueListsSubmittedProposalsOldestFirst() {
        long id = ReviewFixtures.submitted("omar", "12000");
        WebSession.as("rachel").get("/reviews").then().statusCode(200)
                .body(containsString("#" + id + " Review me 12000"))
                .body(containsString("Spend at stake"));
        WebSession.as("priya").get("/reviews").then().statusCode(403);
    }
}
