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

    /** "Came back" holds what was decided in the last 30 days (720 hours) before now, the app's clock's now. */
    @Test
    void aVerdictCountsAsComeBackForThirtyDays() {
        long inside = ReviewFixtures.submitted("priya", "3000");
        long outside = ReviewFixtures.submitted("priya", "3000");
        for (long id : new long[] { inside, outside }) {
            ReviewFixtures.review(WebSession.as("rachel"), id, "REJECT", null, null, "rationale", "Not worth self-hosting.")
                    .then().statusCode(303);
        }
        // a rejection counts for 30 days: one 719 hours ago, one 721 hours ago (by the app's clock)
        java.time.Instant now = clock.instant();
        sql("update proposal set updated_at = ?1 where id = ?2", now.minus(java.time.Duration.ofHours(719)), inside);
        sql("update proposal set updated_at = ?1 where id = ?2", now.minus(java.time.Duration.ofHours(721)), outside);
        var me = users.activeUser("priya").orElseThrow();
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select status from proposal where id = ?1").setParameter(1, inside).getSingleResult())).isEqualTo("REJECTED");
        Todos.TodoList cameBack = todos.of(me).cameBack();
        String page = section(WebSession.as("priya").get("/").asString(), "todo-came-back");
        assertThat(cameBack.total()).isLessThanOrEqualTo(org.hostingreview.web.CappedList.SUMMARY_COUNTED);
        // the one inside is counted, the one outside is not: move the outside one in, and the count grows by one
        long counted = cameBack.total();
        sql("update proposal set updated_at = ?1 where id = ?2", now.minus(java.time.Duration.ofHours(718)), outside);
        assertThat(todos.of(me).cameBack().total()).isEqualTo(counted + 1);
        sql("update proposal set updated_at = ?1 where id = ?2", now.minus(java.time.Duration.ofHours(722)), inside);
        sql("update proposal set updated_at = ?1 where id = ?2", now.minus(java.time.Duration.ofHours(722)), outside);
        assertThat(todos.of(me).cameBack().total()).isEqualTo(counted - 1);
        assertThat(page).doesNotContain("#" + outside + " ");
    }

    @Inject
    Todos todos;

    @Inject
    java.time.Clock clock;

    @Inject
    org.hostingreview.account.AccountService users;

    @Inject
    jakarta.persistence.EntityManager em;

    private void sql(String statement, Object... params) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
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
