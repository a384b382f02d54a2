package org.hostingreview.revisit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/** Runs the revisit sweep after start-up (in the background) and every morning (its mails go out as it commits), then retries failed mails. */
@ApplicationScoped
public class RevisitJob {

    private static final Logger LOG = Logger.getLogger(RevisitJob.class);

    @Inject
    RevisitService revisits;

    @Inject
    Notifier notifier;

    @Inject
    ManagedExecutor executor;

    @Inject
    org.hostingreview.proposal.Estimates estimates;

    /** At start-up the sweep runs in the background: the app is ready at once, however many decisions there are. */
    void onStart(@Observes @Priority(40) StartupEvent event) {
        executor.runAsync(() -> {
            long started = System.nanoTime();
            try {
                RevisitService.Sweep sweep = run();
                LOG.infof("Start-up revisit sweep done in %d ms (the sweep %d ms: %d due, %d re-opened by prices of %d re-costed, "
                        + "%s, %d overdue; then the outdated estimates and the mails waiting)", (System.nanoTime() - started) / 1_000_000,
                        sweep.tookMs(), sweep.madeDue(), sweep.repriced(), sweep.priceChecked(),
                        sweep.fullPriceCheck() ? "every decision checked" : "the decisions written since the last check",
                        sweep.flaggedOverdue());
            } catch (RuntimeException e) {
                LOG.error("The start-up revisit sweep failed; the daily one will retry", e);
            }
        });
    }

    @Scheduled(cron = "0 0 6 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        run();
    }

    /**
     * The stored estimates that no write re-costed (marked stale by the database, or missing) and those costed before a
     * catalog row in force today took effect, re-costed in batches; also part of every sweep.
     */
    @Scheduled(every = "${hosting-review.estimates.refresh-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshEstimates() {
        estimates.refreshAll(org.hostingreview.proposal.Estimates.Scope.OUTDATED, n -> {
        });
    }

    /** One sweep, the outdated estimates and delivery; safe to call from several threads or instances at once. */
    public RevisitService.Sweep run() {
        RevisitService.Sweep sweep = revisits.sweep();
        refreshEstimates();
        long mailing = System.nanoTime();
        int sent = notifier.deliver();
        if (sweep.madeDue() + sweep.repriced() + sweep.flaggedOverdue() + sent > 0) {
            LOG.infof("Revisit sweep: %d decision(s) due, %d re-opened by prices, %d overdue in %d ms, %d digest(s) queued; "
                    + "%d mail(s) sent in %d ms", sweep.madeDue(), sweep.repriced(), sweep.flaggedOverdue(), sweep.tookMs(),
                    sweep.digests(), sent,
                    (System.nanoTime() - mailing) / 1_000_000);
        }
        return sweep;
    }
}
