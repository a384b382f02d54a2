package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A rationale far over its 4,000-character limit (pasted, say) reaches the review form's own check: the page names the
 * field and keeps the text, instead of the HTTP layer's bare "413 Request refused".
 */
@QuarkusTest
class LongReviewTextTest {

    @Test
    void aRationaleOf60000CharactersIsRefusedByTheFormWithTheTextKept() {
        long proposal = ReviewFixtures.submitted("priya", "$20,000");
        String rationale = "Measured on our eval set. ".repeat(2_400); // 62,400 characters, 62 KB
        Response response = WebSession.as("rachel").post("/proposals/" + proposal + "/reviews", "verdict", "REQUEST_CHANGES",
                "chosenTier", "", "rationale", rationale, "justification", "", "conditions", "", "nextReviewOn", "",
                "version", ProposalFixtures.version(proposal), "token", UUID.randomUUID().toString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("Use at most 4,000 characters.").contains(rationale.trim());
        assertThat(ReviewFixtures.reviewsOf(proposal)).isEmpty();
    }

    @Test
    void aFieldOverOneMegabyteGetsAPageThatSaysNothingWasSavedAndHowToGetTheTextBack() {
        long proposal = ReviewFixtures.submitted("priya", "$20,000");
        Response response = WebSession.as("rachel").post("/proposals/" + proposal + "/reviews", "verdict", "REQUEST_CHANGES",
                "chosenTier", "", "rationale", "x".repeat(1_200_000), "justification", "", "conditions", "",
                "nextReviewOn", "", "version", ProposalFixtures.version(proposal), "token", UUID.randomUUID().toString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.asString()).contains("Too large to send").contains("Nothing was saved")
                .contains("Your browser still has what you typed");
        assertThat(ReviewFixtures.reviewsOf(proposal)).isEmpty();
    }
}
