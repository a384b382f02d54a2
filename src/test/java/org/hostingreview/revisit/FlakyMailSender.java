package org.hostingreview.revisit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.quarkus.mailer.Mail;

/** In tests, a mail whose subject says {@value #UNDELIVERABLE} is refused the way a mail server refuses one; others go to the mock mailbox. */
@Alternative
@Priority(1)
@ApplicationScoped
public class FlakyMailSender extends MailSender {

    static final String UNDELIVERABLE = "[undeliverable]";

    @Override
    public void send(Mail mail) {
        if (mail.getSubject() != null && mail.getSubject().contains(UNDELIVERABLE)) {
            throw new IllegalStateException("550 5.1.1 mailbox unavailable");
        }
        super.send(mail);
    }
}
