package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A first approval waiting for a second is found among many waiting proposals: the reviewer's to-dos list it, count
 * the rest up to "100+" (the queue up to "1,000+"), and ask the same statements however many wait.
 */
@QuarkusTest
class SecondApprovalsAtScaleTest {


    @Test
    void aFirstApprovalAmongOverAThousandWaitingIsOnTheOtherReviewersToDos() {
        WebSession dana = WebSession.as("dana");
        long id = ReviewFixtures.submitted("priya", "$80,000");
        long before = statements(dana, "/");
        // the decision lists, the to-dos, the forecasts' candidates, and the sign-in's one
        assertThat(before).isLessThanOrEqualTo(4);
        // 1,200 more waiting, every one of them longer than the approved one, none approved
        OwnerDatabase.runAsOwner("insert into proposal (feature_id, team_id, owner_id, title, status, steps_saved, current_tier, "
                + "requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, updated_at, review_round) select feature_id, team_id, owner_id, "
                + "'Crowd ' || g, 'SUBMITTED', steps_saved, current_tier, requests_per_month, input_tokens_per_request, "
                + "output_tokens_per_request, current_monthly_spend_usd, mlops_engineers, submitted_at - g * interval '1 minute', "
                + "created_at, now(), 1 from proposal, generate_series(1, 1200) g where id = " + id);
        try {
            ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", null, null).then().statusCode(303);

            String page = dana.get("/").then().statusCode(200).extract().asString();
            assertThat(WorkflowTodosTest.section(page, "todo-second")).contains("#" + id + " ").contains("1 of 2");
            assertThat(WorkflowTodosTest.section(page, "todo-review")).contains("To review (100+)").contains("See all 100+")
                    .doesNotContain("#" + id + " ");
            assertThat(dana.get("/reviews").then().statusCode(200).extract().asString()).contains("1,000+");
            assertThat(statements(dana, "/")).isEqualTo(before);
            // the first approver has nothing more to do with it
            assertThat(WebSession.as("rachel").get("/").asString()).doesNotContain("href=\"/proposals/" + id + "#review\"");
        } finally {
            OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN' where title like 'Crowd %' and status = 'SUBMITTED'");
        }
        // a second approval decides it: off every reviewer's to-dos
        ReviewFixtures.review(WebSession.as("dana"), id, "APPROVE", null, null).then().statusCode(303);
        assertThat(dana.get("/").asString()).doesNotContain("href=\"/proposals/" + id + "#review\"");
    }

    private long statements(WebSession session, String path) {
        return org.hostingreview.support.Statements.ofPage(session, path);
    }
}
