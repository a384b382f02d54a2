package org.hostingreview.revisit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the notification outbox, never on a request's thread: a scheduled poller (and a wake-up on a worker thread
 * when a transaction that queued one commits) locks one due row at a time ({@code skip locked}, so several threads or
 * instances never send the same one), mails it with a {@code Message-ID} derived from its event key, and marks it sent in
 * the same transaction. A failure is recorded on the row and retried with backoff (30 s, doubling, within minutes);
 * after {@code hosting-review.mail.max-attempts} failures the mail is set aside, listed for admins at {@code /admin/mail}.
 * A failing mail never holds up the others: each row is its own transaction and a failed one is not due again until its
 * backoff has passed.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Inject
    MailSender mailer;

    @Inject
    Clock clock;

    /** One thread of its own for wake-ups after commit: the request that queued a mail never waits for the mail server. */
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hosting-review-mail");
        t.setDaemon(true);
        return t;
    });

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @Inject
    org.hostingreview.system.HostingReviewConfig config;

    private final AtomicBoolean woken = new AtomicBoolean();

    /** A queued mail goes out soon after its transaction commits, on a worker thread (never for a rolled-back one). */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notification.Queued queued) {
        if (config.mail().wakeAfterCommit() && woken.compareAndSet(false, true)) {
            executor.execute(() -> {
                woken.set(false);
                deliver();
            });
        }
    }

    @Scheduled(every = "${hosting-review.mail.poll-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        deliver();
    }

    /** What one delivery pass did. */
    public record Pass(int sent, int failed, int setAside) {
    }

    /** Sends what is due; returns how many were sent. */
    public int deliver() {
        return deliverAll().sent();
    }

    /** Sends every due mail once (a mail that fails waits for its backoff, so the pass ends). */
    public Pass deliverAll() {
        int sent = 0;
        int failed = 0;
        int setAside = 0;
        while (true) {
            Outcome one;
            try {
                one = QuarkusTransaction.requiringNew().call(this::deliverOne);
            } catch (RuntimeException e) {
                // the database itself failed (an outage): the poller tries again on its next run
                LOG.warnf("Mail delivery stopped: %s", e.getMessage());
                break;
            }
            if (one == Outcome.NONE) {
                break;
            }
            switch (one) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case SET_ASIDE -> setAside++;
                default -> {
                }
            }
        }
        return new Pass(sent, failed, setAside);
    }

    private enum Outcome {
        NONE, SENT, FAILED, SET_ASIDE
    }

    private Outcome deliverOne() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Notification> next = em.createNativeQuery("select * from notification where sent_at is null and set_aside_at is null "
                + "and (next_attempt_at is null or next_attempt_at <= ?1) order by id limit 1 for update skip locked",
                Notification.class).setParameter(1, now).getResultList();
        if (next.isEmpty()) {
            return Outcome.NONE;
        }
        Notification n = next.get(0);
        try {
            List<String> to = Arrays.stream(n.recipients.split(",")).filter(s -> !s.isBlank()).toList();
            if (!to.isEmpty()) {
                mailer.send(Mail.withText(to.get(0), n.subject, n.body).setTo(to).addHeader("Message-ID", n.messageId()));
            }
            n.sentAt = clock.instant();
            n.lastError = null;
            return Outcome.SENT;
        } catch (RuntimeException e) {
            n.attempts++;
            n.lastError = Notification.singleLine(e.getClass().getSimpleName() + ": " + e.getMessage(), 1000);
            if (n.attempts >= config.mail().maxAttempts()) {
                n.setAsideAt = now;
                LOG.errorf("Set aside notification %d (%s) after %d failed attempts: %s", n.id, n.subject, n.attempts, n.lastError);
                return Outcome.SET_ASIDE;
            }
            n.nextAttemptAt = now.plus(backoff(n.attempts));
            LOG.warnf("Could not mail notification %d (%s), attempt %d; next try at %s: %s", n.id, n.subject, n.attempts,
                    n.nextAttemptAt, n.lastError);
            return Outcome.FAILED;
        }
    }

    /** 30 s after the first failure, doubling: 30 s, 1, 2, 4 minutes… at most 15 minutes. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 10));
        return wait.compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15) : wait;
    }
}
