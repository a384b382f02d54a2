package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.Parallel;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** One review form posted many times at once: one review, the others answer "already recorded", never a 500. */
@QuarkusTest
class ConcurrentReviewsTest {

    @Test
    void aReviewFormPostedTwentyTimesAtOnceIsRecordedOnceAndEveryPostSeesTheFirstResult() {
        long id = ReviewFixtures.submitted("priya", "$80,000");
        WebSession rachel = WebSession.as("rachel");
        rachel.csrfToken();
        long auditBefore = AuditLog.maxId();
        Map<String, Object> form = WebSession.pairs("verdict", "REQUEST_CHANGES", "chosenTier", "", "rationale",
                "Name the eval set.", "justification", "", "conditions", "", "nextReviewOn",
                LocalDate.now().plusDays(90).toString(), "version", ProposalFixtures.version(id), "token", UUID.randomUUID().toString());

        List<Response> answers = Parallel.times(20, i -> rachel.replay().post("/proposals/" + id + "/reviews", form));

        assertThat(answers).extracting(Response::statusCode).containsOnly(303);
        assertThat(ReviewFixtures.reviewsOf(id)).hasSize(1);
        assertThat(AuditLog.since(auditBefore, "REVIEW_RECORDED")).hasSize(1);
        String page = rachel.get("/proposals/" + id).asString();
        assertThat(page).contains("Name the eval set.");
    }

    @Test
    void twoDifferentFormsOfOneReviewerAtOnceRecordOneReviewAndRefuseTheOtherWith409() {
        long id = ReviewFixtures.submitted("priya", "$80,000");
        WebSession rachel = WebSession.as("rachel");
        rachel.csrfToken();
        long version = ProposalFixtures.version(id);

        List<Response> answers = Parallel.times(2, i -> rachel.replay().post("/proposals/" + id + "/reviews", WebSession.pairs(
                "verdict", "REQUEST_CHANGES", "chosenTier", "", "rationale", "Form " + i, "justification", "", "conditions", "",
                "nextReviewOn", LocalDate.now().plusDays(90).toString(), "version", version, "token", UUID.randomUUID().toString())));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(303, 409);
        assertThat(ReviewFixtures.reviewsOf(id)).hasSize(1);
    }
}
