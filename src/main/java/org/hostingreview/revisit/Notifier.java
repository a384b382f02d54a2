package org.hostingreview.revisit;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends the notification outbox: each unsent row is locked ({@code skip locked}, so several instances never send
 * the same one), mailed, and marked sent in its own transaction. Rows are sent right after the transaction that queued
 * them commits; the daily sweep retries any that failed. A restart finds nothing new to send.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    /** Mails a queued notification as soon as the transaction that queued it has committed (never for a rolled-back one). */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notification.Queued queued) {
        deliver();
    }

    /** Sends what is waiting; returns how many were sent. */
    public int deliver() {
        int sent = 0;
        while (true) {
            Boolean one = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Notification> next = em.createNativeQuery("select * from notification where sent_at is null order by id "
                        + "limit 1 for update skip locked", Notification.class).getResultList();
                if (next.isEmpty()) {
                    return null;
                }
                Notification n = next.get(0);
                try {
                    List<String> to = Arrays.stream(n.recipients.split(",")).filter(s -> !s.isBlank()).toList();
                    if (!to.isEmpty()) {
                        mailer.send(Mail.withText(to.get(0), n.subject, n.body).setTo(to));
                    }
                    n.sentAt = clock.instant();
                    return true;
                } catch (RuntimeException e) {
                    LOG.warnf("Could not mail notification %d (%s); it will be tried again: %s", n.id, n.subject, e.getMessage());
                    return false;
                }
            });
            if (one == null || !one) {
                return sent;
            }
            sent++;
        }
    }
}
