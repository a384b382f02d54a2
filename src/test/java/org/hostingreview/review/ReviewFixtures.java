package org.hostingreview.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/** Submitted proposals to review, and review posts. */
public final class ReviewFixtures {

    private ReviewFixtures() {
    }

    /** A submitted proposal of {@code owner}'s team with the given monthly spend (the worked example's workload). */
    public static long submitted(String owner, String spend) {
        WebSession session = WebSession.as(owner);
        long id = ProposalFixtures.draft(session, "Review me " + spend, "Reviewed feature " + System.nanoTime());
        Map<Integer, Map<String, Object>> steps = ProposalFixtures.laterSteps();
        steps.put(2, WebSession.pairs("currentMonthlySpendUsd", spend));
        steps.forEach((step, fields) -> ProposalFixtures.save(session, id, step, fields).then().statusCode(303));
        session.post("/proposals/" + id + "/submit", "version", ProposalFixtures.version(id)).then().statusCode(303);
        return id;
    }

    public static Response review(WebSession reviewer, long id, String verdict, String tier, String token, Object... more) {
        Map<String, Object> form = WebSession.pairs("verdict", verdict, "chosenTier", tier == null ? "" : tier,
                "rationale", "Looked at the numbers.", "justification", "", "conditions", "",
                "nextReviewOn", TestClock.appToday().plusDays(90).toString(), "version", ProposalFixtures.version(id),
                "token", token == null ? UUID.randomUUID().toString() : token);
        for (int i = 0; i < more.length; i += 2) {
            form.put((String) more[i], more[i + 1]);
        }
        return reviewer.post("/proposals/" + id + "/reviews", form);
    }

    public static List<Review> reviewsOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Review.ofProposal(id));
    }
}
