package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

/** The workflow tells people what to do: mails and dashboard to-dos at each step, to the people who may act. */
@QuarkusTest
class WorkflowTodosTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    org.hostingreview.revisit.Notifier notifier;

    @Test
    void submittingAsksTheReviewersAFirstApprovalAsksAnotherAndTheVerdictComesBackToTheTeam() {
        WebSession priya = WebSession.as("priya");
        long draft = ProposalFixtures.draft(priya, "Still a draft " + System.nanoTime(), "Drafted feature " + System.nanoTime());
        assertThat(section(priya.get("/").asString(), "todo-drafts")).contains("#" + draft + " ");

        long id = ReviewFixtures.submitted("priya", "$80,000");
        assertThat(mails("rachel", "To review: #" + id + " ")).hasSize(1);
        assertThat(mails("dana", "To review: #" + id + " ")).hasSize(1);
        assertThat(mails("priya", "To review: #" + id + " ")).as("not the owner").isEmpty();
        // the dashboard shows the ten longest waiting and links to the queue, which lists the rest
        String toReview = section(WebSession.as("rachel").get("/").asString(), "todo-review");
        assertThat(toReview.contains("#" + id + " ") || toReview.contains("<a href=\"/reviews\">See all ")).as(toReview).isTrue();
        assertThat(WebSession.as("rachel").get("/reviews").asString()).contains("#" + id + " ");
        assertThat(section(priya.get("/").asString(), "todo-awaiting")).contains("#" + id + " ");

        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", null, null).then().statusCode(303);

        assertThat(mails("dana", "Second approval needed: #" + id + " ")).hasSize(1);
        assertThat(mails("rachel", "Second approval needed: #" + id + " ")).as("not the first approver").isEmpty();
        assertThat(section(WebSession.as("dana").get("/").asString(), "todo-second")).contains("#" + id + " ").contains("1 of 2");
        assertThat(WebSession.as("rachel").get("/").asString()).doesNotContain("href=\"/proposals/" + id + "#review\"");

        ReviewFixtures.review(WebSession.as("dana"), id, "APPROVE", null, null).then().statusCode(303);

        assertThat(mails("priya", "Verdict recorded: #" + id + " ")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getSubject()).doesNotContain("\n"));
        assertThat(section(priya.get("/").asString(), "todo-came-back")).contains("#" + id + " ").contains("approved");
    }

    @Test
    void requestedChangesComeBackToTheOwnerTeam() {
        long id = ReviewFixtures.submitted("priya", "3000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "REQUEST_CHANGES", null, null, "rationale", "Add the eval set size.")
                .then().statusCode(303);

        assertThat(mails("priya", "Changes requested: #" + id + " ")).singleElement()
                .satisfies(m -> assertThat(m.getText()).contains("Add the eval set size."));
        assertThat(section(WebSession.as("priya").get("/").asString(), "todo-came-back")).contains("#" + id + " ")
                .contains("changes requested");
    }

    private List<Mail> mails(String user, String prefix) {
        notifier.deliver(); // the outbox poller's work, run by the test
        return mailbox.getMailsSentTo(user + "@demo.hosting-review.test").stream()
                .filter(m -> m.getSubject().startsWith("[Hosting Review] " + prefix)).toList();
    }

    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }
}
