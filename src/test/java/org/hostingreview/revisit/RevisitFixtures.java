package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.review.Review;
import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Approved decisions to revisit, and what became of them. */
final class RevisitFixtures {

    /** Average days in a month, as the app scales a period's requests. */
    static final double DAYS_PER_MONTH = 30.4167;

    private RevisitFixtures() {
    }

    /**
     * The worked example's workload (30M documents a month, 1,000 in / 83 out) filed by priya with the given spend, and
     * approved on its recommendation by as many reviewers as it needs.
     */
    static long approved(String spend) {
        long id = ReviewFixtures.submitted("priya", spend);
        for (String reviewer : List.of("rachel", "dana")) {
            if (load(id).status == ProposalStatus.SUBMITTED) {
                ReviewFixtures.review(WebSession.as(reviewer), id, "APPROVE", null, null).then().statusCode(303);
            }
        }
        assertThat(load(id).status).isEqualTo(ProposalStatus.APPROVED);
        return id;
    }

    static Proposal load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Proposal p = Proposal.findById(id);
            p.dueReasons.size();
            return p;
        });
    }

    static List<Checkin> checkins(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Checkin.ofProposal(id));
    }

    /** The monthly cost of the decided tier, as frozen in the decision. */
    static double decidedCost(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Review decision = Review.<Review>find("proposal.id = ?1 and verdict = 'APPROVE' and completesDecision = true order by id desc", id)
                    .firstResult();
            return decision.snapshot.monthlyCost(decision.chosenTier);
        });
    }

    /** A check-in form for the 30 days up to yesterday at the given monthly volume and spend. */
    static Map<String, Object> monthAt(long requestsPerMonth, double spendPerMonth) {
        LocalDate end = TestClock.appToday().minusDays(1);
        LocalDate start = end.minusDays(29);
        return WebSession.pairs("periodStart", start.toString(), "periodEnd", end.toString(),
                "requests", String.valueOf(Math.round(requestsPerMonth * 30 / DAYS_PER_MONTH)), "inputTokensPerRequest", "1000",
                "outputTokensPerRequest", "83", "spendUsd", String.format("%.2f", spendPerMonth * 30 / DAYS_PER_MONTH),
                "spendTier", "", "observedQuality", "91", "incidents", "0", "notes", "October actuals");
    }
}
