package org.hostingreview.revisit;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hostingreview.audit.AuditChain;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.system.HostingReviewConfig;

/**
 * The business gauges at {@code /q/metrics}: proposals by status, decisions due and overdue, the notification outbox's
 * backlog, the audit chain's length and the last verification's result (re-opens by trigger are a counter,
 * {@code hosting_review_reopens_total}, kept where they happen). The figures come from one snapshot of a few counting
 * queries, taken at most every {@link #MAX_AGE_SECONDS} seconds, and never on an event-loop thread (a scrape there reads
 * the last snapshot and refreshes it in the background).
 */
@ApplicationScoped
public class BusinessMetrics {

    static final long MAX_AGE_SECONDS = 10;

    record Snapshot(Instant taken, Map<ProposalStatus, Long> byStatus, long due, long overdue, long outboxBacklog,
            long chainLength) {
    }

    @Inject
    EntityManager em;

    @Inject
    HostingReviewConfig config;

    @Inject
    Clock clock;

    @Inject
    AuditChain chain;

    @Inject
    ManagedExecutor executor;

    private volatile Snapshot snapshot;
    private volatile boolean refreshing;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (ProposalStatus status : ProposalStatus.values()) {
            Gauge.builder("hosting_review_proposals", this, m -> m.current().byStatus().getOrDefault(status, 0L))
                    .tag("status", status.name()).description("Proposals by status").register(registry);
        }
        Gauge.builder("hosting_review_decisions_due", this, m -> m.current().due())
                .description("Decisions back for review, not yet overdue").register(registry);
        Gauge.builder("hosting_review_decisions_overdue", this, m -> m.current().overdue())
                .description("Decisions back for review for longer than the overdue limit").register(registry);
        Gauge.builder("hosting_review_outbox_backlog", this, m -> m.current().outboxBacklog())
                .description("Notifications recorded but not mailed yet").register(registry);
        Gauge.builder("hosting_review_audit_chain_length", this, m -> m.current().chainLength())
                .description("Events in the hash-chained audit trail").register(registry);
        Gauge.builder("hosting_review_audit_last_verification_ok", chain,
                c -> c.lastVerification() == null ? -1 : c.lastVerification().ok() ? 1 : 0)
                .description("Result of the last audit-chain verification: 1 intact, 0 broken, -1 none since start")
                .register(registry);
        Gauge.builder("hosting_review_audit_last_verification_timestamp_seconds", chain,
                c -> c.lastVerifiedAt() == null ? 0 : c.lastVerifiedAt().getEpochSecond())
                .description("When the audit chain was last verified (epoch seconds; 0: not since start)").register(registry);
    }

    Snapshot current() {
        Snapshot s = snapshot;
        boolean stale = s == null || s.taken().isBefore(clock.instant().minusSeconds(MAX_AGE_SECONDS));
        if (!stale) {
            return s;
        }
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            if (!refreshing) {
                refreshing = true;
                executor.execute(() -> {
                    try {
                        refresh();
                    } finally {
                        refreshing = false;
                    }
                });
            }
            return s == null ? new Snapshot(Instant.EPOCH, Map.of(), 0, 0, 0, 0) : s;
        }
        return refresh();
    }

    synchronized Snapshot refresh() {
        Snapshot s = snapshot;
        if (s != null && !s.taken().isBefore(clock.instant().minusSeconds(1))) {
            return s;
        }
        Snapshot fresh = QuarkusTransaction.requiringNew().call(this::take);
        snapshot = fresh;
        return fresh;
    }

    private Snapshot take() {
        Map<ProposalStatus, Long> byStatus = new EnumMap<>(ProposalStatus.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, count(*) from proposal group by status").getResultList();
        for (Object[] row : rows) {
            try {
                byStatus.put(ProposalStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
            } catch (IllegalArgumentException ignored) {
                // a status this version does not know: not reported
            }
        }
        LocalDate overdueFrom = LocalDate.now(clock).minusDays(config.revisit().overdueDays());
        Object[] due = (Object[]) em.createNativeQuery("select count(*) filter (where due_since is null or due_since > ?1), "
                + "count(*) filter (where due_since <= ?1) from proposal where status = 'REVIEW_DUE'")
                .setParameter(1, Date.valueOf(overdueFrom)).getSingleResult();
        long backlog = ((Number) em.createNativeQuery("select count(*) from notification where sent_at is null")
                .getSingleResult()).longValue();
        Number length = (Number) em.createNativeQuery("select coalesce(max(seq), 0) from audit_event").getSingleResult();
        return new Snapshot(clock.instant(), byStatus, ((Number) due[0]).longValue(), ((Number) due[1]).longValue(), backlog,
                length.longValue());
    }
}
