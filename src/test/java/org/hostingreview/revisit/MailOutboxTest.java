package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The outbox poller: once per event, a recognisable Message-ID, retries with backoff, set aside after N failures. */
@QuarkusTest
class MailOutboxTest {

    @Inject
    Notifier notifier;

    @Inject
    MockMailbox mailbox;

    private static long queue(String subject, String to) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Notification n = new Notification();
            n.proposalId = 1L;
            n.kind = Notification.Kind.DUE;
            n.eventKey = "test:" + subject + ":" + System.nanoTime();
            n.subject = subject;
            n.body = "body of " + subject;
            n.recipients = to;
            n.createdAt = Instant.now();
            n.persist();
            return n.id;
        });
    }

    private static Notification load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id));
    }

    private static void dueNow(long id) {
        QuarkusTransaction.requiringNew().run(() -> Notification.update("nextAttemptAt = ?1 where id = ?2",
                Instant.now().minusSeconds(1), id));
    }

    @Test
    void aMailThatAlwaysFailsDoesNotHoldUpTheNextAndIsSetAsideForAdminsWithItsError() {
        long failing = queue("Outbox test " + FlakyMailSender.UNDELIVERABLE, "outbox-fail@example.com");
        long next = queue("Outbox test behind a failing one", "outbox-next@example.com");

        notifier.deliverAll();

        assertThat(mailbox.getMailsSentTo("outbox-next@example.com")).hasSize(1);
        Notification afterOne = load(failing);
        assertThat(afterOne.sentAt).isNull();
        assertThat(afterOne.attempts).isEqualTo(1);
        assertThat(afterOne.lastError).contains("550 5.1.1 mailbox unavailable");
        assertThat(Duration.between(Instant.now(), afterOne.nextAttemptAt)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31));
        assertThat(load(next).sentAt).isNotNull();

        notifier.deliverAll();
        assertThat(load(failing).attempts).as("not tried again before its backoff").isEqualTo(1);
        for (int attempt = 2; attempt <= 5; attempt++) {
            dueNow(failing);
            notifier.deliverAll();
            assertThat(load(failing).attempts).isEqualTo(attempt);
        }
        Notification setAside = load(failing);
        assertThat(setAside.setAsideAt).isNotNull();
        assertThat(Notifier.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        dueNow(failing);
        notifier.deliverAll();
        assertThat(load(failing).attempts).as("a set-aside mail is not tried again").isEqualTo(5);

        String page = WebSession.as("dana").get("/admin/mail").then().statusCode(200).extract().asString();
        assertThat(page).contains("Outbox test [undeliverable]").contains("550 5.1.1 mailbox unavailable");
        WebSession.as("priya").get("/admin/mail").then().statusCode(403);
    }

    @Test
    void aMailSentAgainAfterACrashBeforeItWasRecordedCarriesTheSameMessageId() {
        long id = queue("Outbox test crash", "outbox-crash@example.com");
        notifier.deliverAll();
        // the crash: the mail left, but the commit recording sent_at never happened
        QuarkusTransaction.requiringNew().run(() -> Notification.update("sentAt = null where id = ?1", id));

        notifier.deliverAll();

        List<Mail> mails = mailbox.getMailsSentTo("outbox-crash@example.com");
        assertThat(mails).hasSize(2);
        String expected = Notification.messageId(load(id).eventKey);
        assertThat(mails).extracting(m -> m.getHeaders().get("Message-ID").get(0)).containsOnly(expected);
        assertThat(expected).matches("<[0-9a-f]{32}\\.notification@hosting-review>");
    }

    @Test
    void aRequestThatQueuesAMailDoesNotSendItThePollerDoes() {
        long decision = RevisitFixtures.approved("$80,000");
        WebSession priya = WebSession.as("priya");
        notifier.deliverAll();
        int before = mailbox.getMailsSentTo("priya@demo.hosting-review.test").size();

        priya.post("/proposals/" + decision + "/checkins", RevisitFixtures.monthAt(200_000_000,
                RevisitFixtures.decidedCost(decision) * 200 / 30)).then().statusCode(303);

        assertThat(mailbox.getMailsSentTo("priya@demo.hosting-review.test")).hasSize(before);
        assertThat(notifier.deliverAll().sent()).isGreaterThanOrEqualTo(1);
        assertThat(mailbox.getMailsSentTo("priya@demo.hosting-review.test")).hasSize(before + 1)
                .last().satisfies(m -> assertThat(m.getSubject()).contains("#" + decision + " "));
    }
}
