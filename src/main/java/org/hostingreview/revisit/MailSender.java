package org.hostingreview.revisit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Hands one outbox mail to the mail server (or the mock mailbox); the one place {@link Notifier} touches SMTP. */
@ApplicationScoped
public class MailSender {

    @Inject
    Mailer mailer;

    public void send(Mail mail) {
        mailer.send(mail);
    }
}
