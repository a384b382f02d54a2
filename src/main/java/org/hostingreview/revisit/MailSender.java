package org.hostingreview.revisit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MockMailbox;

/**
 * Hands one outbox mail to the mail server (or the mock mailbox); the one place {@link Notifier} touches SMTP.
 * <p>
 * The mock mailer (the demo, the bench, {@code MAIL_MOCK=true}) logs each mail and also keeps it, per recipient, for
 * tests to read. Outside the tests nothing reads it, so it is emptied whenever it holds
 * {@code hosting-review.mail.mock-keeps} mails (the tests keep every one). Kept, it held every mail of the app's life: a
 * sweep at 100x that made 30,000 decisions due (each mail to 370 reviewers) filled a 256 MB heap after 7,000 of them.
 */
@ApplicationScoped
public class MailSender {

    @Inject
    Mailer mailer;

    @Inject
    Instance<MockMailbox> mockMailbox;

    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mock;

    @Inject
    org.hostingreview.system.HostingReviewConfig config;

    public void send(Mail mail) {
        mailer.send(mail);
        if (mock && mockMailbox.isResolvable()) {
            bound(mockMailbox.get(), config.mail().mockKeeps());
        }
    }

    /** Empties {@code mailbox} once it holds {@code keeps} mails (0: never). */
    static void bound(MockMailbox mailbox, int keeps) {
        if (keeps > 0 && mailbox.getTotalMessagesSent() >= keeps) {
            mailbox.clear();
        }
    }
}
