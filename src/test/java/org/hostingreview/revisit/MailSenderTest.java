package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.vertx.ext.mail.MailMessage;

/** The mock mailbox outside the tests holds at most the configured number of mails; with 0 it keeps every one. */
class MailSenderTest {

    @Test
    void theMockMailboxIsEmptiedWheneverItHoldsTheConfiguredNumberOfMails() {
        Box box = new Box();
        int most = 0;
        for (int i = 0; i < 1_234; i++) {
            box.sent.add(Mail.withText("a@example.com", "mail " + i, "body"));
            MailSender.bound(box, 500);
            most = Math.max(most, box.sent.size());
        }
        assertThat(most).isEqualTo(499);
        assertThat(box.sent).hasSize(1_234 % 500);
    }

    @Test
    void withZeroItKeepsEveryMail() {
        Box box = new Box();
        for (int i = 0; i < 1_234; i++) {
            box.sent.add(Mail.withText("a@example.com", "mail " + i, "body"));
            MailSender.bound(box, 0);
        }
        assertThat(box.sent).hasSize(1_234);
    }

    private static final class Box implements MockMailbox {
        final List<Mail> sent = new ArrayList<>();

        @Override
        public List<Mail> getMessagesSentTo(String address) {
            return sent;
        }

        @Override
        public List<Mail> getMailsSentTo(String address) {
            return sent;
        }

        @Override
        public List<MailMessage> getMailMessagesSentTo(String address) {
            return List.of();
        }

        @Override
        public void clear() {
            sent.clear();
        }

        @Override
        public int getTotalMessagesSent() {
            return sent.size();
        }
    }
}
