package org.hostingreview.revisit;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import org.hostingreview.pricing.CatalogChanged;
import org.hostingreview.proposal.Estimates;

/**
 * The re-check after a catalog change, in the background once the change committed (the admin's request only asks for
 * it): re-opens the approved decisions whose prices moved ({@link RevisitService#repriceAll}, bounded batches, each its
 * own short transaction, the trail's lock held for one batch's events), then re-costs every open proposal's stored
 * estimate ({@link Estimates#refreshAll}), writing its progress to {@code catalog_recheck} (the change's page shows it)
 * and the log. Changes made while one runs are re-checked together by the next pass; a re-check left unfinished by a
 * stopped instance is taken up again at start-up, or by another instance once its heartbeat is five minutes old.
 */
@ApplicationScoped
public class CatalogRecheckJob {

    private static final Logger LOG = Logger.getLogger(CatalogRecheckJob.class);

    @Inject
    RevisitService revisits;

    @Inject
    Estimates estimates;

    @Inject
    ManagedExecutor executor;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        kick();
    }

    void onStart(@Observes @Priority(45) StartupEvent event) {
        kick();
    }

    /** Runs the pending re-checks in the background (at most one pass at a time in this instance). */
    public void kick() {
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            executor.runAsync(this::drain);
        }
    }

    private void drain() {
        try {
            while (pending.getAndSet(false)) {
                for (List<Long> claimed = claim(); !claimed.isEmpty(); claimed = claim()) {
                    pass(claimed);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The catalog re-check failed; the daily sweep re-checks prices", e);
        } finally {
            running.set(false);
        }
        if (pending.get() && running.compareAndSet(false, true)) {
            executor.runAsync(this::drain);
        }
    }

    /** Takes every re-check asked for and not started (or left by a stopped instance). */
    @SuppressWarnings("unchecked")
    private List<Long> claim() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery("update catalog_recheck "
                + "set started_at = ?1, heartbeat_at = ?1 where finished_at is null and (started_at is null or heartbeat_at < ?2) "
                + "returning id").setParameter(1, clock.instant()).setParameter(2, clock.instant().minusSeconds(300))
                .getResultList()).stream().map(Number::longValue).sorted().toList());
    }

    private void pass(List<Long> claimed) {
        long started = System.nanoTime();
        String ids = "{" + String.join(",", claimed.stream().map(String::valueOf).toList()) + "}";
        String actor = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select actor from catalog_recheck where id = any(cast(?1 as bigint[])) order by id desc limit 1")
                .setParameter(1, ids).getSingleResult());
        LOG.infof("Catalog re-check %s (by %s) started", claimed, actor);
        try {
            List<Long> reopened = revisits.repriceAll(actor, (checked, count) -> {
                progress(ids, "checked = " + checked + ", reopened = " + count);
                LOG.infof("Catalog re-check %s: %d decision(s) checked, %d re-opened", claimed, checked, count);
            });
            int recosted = estimates.refreshAll(Estimates.Scope.OPEN, n -> progress(ids, "recosted = " + n));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update catalog_recheck set finished_at = ?1, "
                    + "reopened = ?2, reopened_ids = cast(?3 as bigint[]), recosted = ?4 where id = any(cast(?5 as bigint[]))")
                    .setParameter(1, clock.instant()).setParameter(2, reopened.size())
                    .setParameter(3, "{" + String.join(",", reopened.stream().limit(200).map(String::valueOf).toList()) + "}")
                    .setParameter(4, recosted).setParameter(5, ids).executeUpdate());
            LOG.infof("Catalog re-check %s done in %d ms: %d decision(s) re-opened, %d estimate(s) re-costed", claimed,
                    (System.nanoTime() - started) / 1_000_000, reopened.size(), recosted);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update catalog_recheck set finished_at = ?1, "
                    + "error = ?2 where id = any(cast(?3 as bigint[]))").setParameter(1, clock.instant())
                    .setParameter(2, message.length() > 500 ? message.substring(0, 500) : message).setParameter(3, ids).executeUpdate());
            throw e;
        }
    }

    /** Records how far the pass got (and that it is alive). */
    private void progress(String ids, String set) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update catalog_recheck set " + set
                + ", heartbeat_at = ?1 where id = any(cast(?2 as bigint[]))").setParameter(1, clock.instant())
                .setParameter(2, ids).executeUpdate());
    }
}
