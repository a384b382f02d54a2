package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FrozenDecisionTest {

    @Test
    void aLaterPriceChangeAltersTheLivePageButNotTheDecision() {
        String model = "frozen-model-" + System.nanoTime();
        WebSession dana = WebSession.as("dana");
        addPrice(dana, model, "1.00", "2026-01-01");

        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.submittedWithCandidate(priya, "Frozen", model, "3000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", "HOSTED_OPEN", null).then().statusCode(303);
        String decisionBefore = priya.get("/proposals/" + id + "/decision").asString();
        assertThat(decisionBefore).contains("$32.5k");

        addPrice(dana, model, "2.00", TestClock.appToday().toString());

        assertThat(priya.get("/proposals/" + id).asString()).contains("$65.0k");
        String decisionAfter = priya.get("/proposals/" + id + "/decision").asString();
        assertThat(decisionAfter).contains("$32.5k").doesNotContain("$65.0k");
        assertThat(priya.get("/proposals/" + id + "/decision.md").asString()).contains("$32.5k");
    }

    private static void addPrice(WebSession admin, String model, String price, String from) {
        admin.post("/pricing/model-prices", WebSession.pairs("provider", "Together", "model", model, "tier", "HOSTED_OPEN",
                "inputUsdPerMTok", price, "outputUsdPerMTok", price, "cachedInputUsdPerMTok", "", "effectiveFrom", from,
                "source", "test", "checkedOn", TestClock.appToday().toString())).then().statusCode(303);
    }
}
