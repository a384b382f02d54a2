package org.hostingreview.revisit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.audit.Changes;
import org.hostingreview.costmodel.BreakEven;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.proposal.Trigger;
import org.hostingreview.recommendation.FiredRule;
import org.hostingreview.recommendation.PlanStep;
import org.hostingreview.recommendation.ProposalInputs;
import org.hostingreview.recommendation.RuleId;
import org.hostingreview.review.DecisionSnapshot;
import org.hostingreview.review.Review;
import org.hostingreview.review.ReviewService;
import org.hostingreview.system.HostingReviewConfig;

/**
 * Decisions come back. The scheduled sweep moves approved decisions whose review date has come to
 * {@code REVIEW_DUE} and flags them overdue after two weeks; a check-in of actuals, or a catalog price change,
 * re-opens a decision when reality moved enough to change the answer. Every move is audited, and queues one
 * notification per event (mailed after commit, see {@link Notifier}).
 *
 * <p>How a check-in is compared: the baseline is the decided workload (as filed, or as observed when a re-opened
 * decision was settled at a check-in) on the decided tier at its decided cost, with today's catalog, for break-evens;
 * the check-in is costed the same way with the actual volume, tokens and spend. Threshold rules are compared with the
 * rules that fired at the decision, like with like (the answers decided on, the spend scaled with the volume on the
 * tier it was on), so moving to the decided tier is not by itself a flip.
 */
@ApplicationScoped
public class RevisitService {

    @CheckedTemplate
    static class Templates {
        /** The mail about a decision falling due, overdue or re-opened. */
        static native TemplateInstance decisionMail(long id, String title, String team, String feature, String what,
                List<String> reasons, String baseUrl);
    }

    static final ReopenReason SCHEDULED = ReopenReason.of(Trigger.SCHEDULED, "scheduled quarterly review");
    private static final long SWEEP_LOCK = 0x4852_0006L;
    /** Decisions per transaction of the sweep. */
    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(RevisitService.class);
    private static final List<RuleId> THRESHOLD_RULES = List.of(RuleId.S2_HYPERSCALE, RuleId.H2_UNDER_THRESHOLD, RuleId.H5_BURSTY);

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Inject
    EntityManager em;

    @Inject
    org.hostingreview.proposal.ProposalLocks locks;

    @Inject
    CostingService costing;

    @Inject
    ReviewService reviews;

    @Inject
    AuditService audit;

    @Inject
    HostingReviewConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<Notification.Queued> queued;

    @Inject
    org.hostingreview.system.Rows rows;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** What a check-in found: the recomputed costing and the reasons (empty when nothing moved enough). */
    public record Evaluation(Costing now, Costing rulesNow, List<ReopenReason> reasons) {
    }

    /**
     * Compares actuals with the frozen decision: the decided workload (filed, or observed when the decision was settled
     * at a check-in) on the decided tier, and the rules that fired for it then, against the actuals with today's
     * catalog.
     */
    @Transactional(TxType.SUPPORTS)
    public Evaluation evaluate(Proposal proposal, Review decision, Actuals actuals) {
        List<EvalResult> runs = EvalResult.ofProposal(proposal.id);
        CatalogSnapshot catalog = costing.snapshot(costing.today());
        DecisionSnapshot snapshot = decision.snapshot;
        Tier decided = decision.chosenTier;
        double decidedCost = snapshot.monthlyCost(decided);
        long decidedVolume = snapshot.requestsPerMonth();

        Costing baseline = costing.cost(proposal, runs, catalog, onDecidedTier(snapshot, decided, decidedCost));
        Costing now = costing.cost(proposal, runs, catalog, withActuals(decided, actuals));
        Costing rulesNow = costing.cost(proposal, runs, catalog, likeThen(snapshot, actuals));
        List<ReopenReason> reasons = new ArrayList<>();
        Tier recommendedNow = now.recommendation().recommended();
        if (recommendedNow != decided && recommendedNow != snapshot.recommendedTier()) {
            reasons.add(new ReopenReason(Trigger.RECOMMENDATION_CHANGED, null, snapshot.recommendedTier().label(),
                    recommendedNow.label(), String.format("%s is now recommended instead of the decided %s.",
                            recommendedNow.label(), decided.label())));
        }
        long volume = now.inputs().workload().requestsPerMonth();
        for (BreakEven breakEven : baseline.recommendation().breakEvens()) {
            Long at = breakEven.requestsPerMonth();
            if (at != null && Math.min(decidedVolume, volume) < at && at <= Math.max(decidedVolume, volume)) {
                reasons.add(new ReopenReason(Trigger.BREAK_EVEN_CROSSED, breakEven.a().name() + "/" + breakEven.b().name(),
                        String.format("%,d", decidedVolume), String.format("%,d", volume), String.format("volume went from %,d to "
                                + "%,d requests a month, across the %s / %s break-even at %,d.", decidedVolume, volume,
                                breakEven.a().label(), breakEven.b().label(), at)));
            }
        }
        for (RuleId rule : THRESHOLD_RULES) {
            boolean then = snapshot.fired(rule);
            boolean nowFires = rulesNow.recommendation().fires(rule);
            if (then != nowFires) {
                String why = rulesNow.recommendation().rules().stream().filter(r -> r.id() == rule).map(FiredRule::reason).findFirst()
                        .orElse("");
                reasons.add(new ReopenReason(Trigger.RULE_FLIPPED, rule.name(), then ? "fires" : "does not fire",
                        nowFires ? "fires" : "does not fire", nowFires ? "now fires. " + why
                                : String.format("no longer fires (it did at the decided %,d requests a month on %s at %s).",
                                        decidedVolume, decided.label(), Text.usd(decidedCost))));
            }
        }
        double costNow = now.recommendation().tier(decided).monthlyCost();
        if (decidedCost > 0 && Math.abs(costNow - decidedCost) / decidedCost > config.revisit().costMoveShare()) {
            reasons.add(new ReopenReason(Trigger.COST_MOVED, decided.name(), Text.usd(decidedCost), Text.usd(costNow),
                    String.format("%s costs %s a month now against %s when decided (%+.0f%%).", decided.label(), Text.usd(costNow),
                            Text.usd(decidedCost), 100 * (costNow - decidedCost) / decidedCost)));
        }
        if (decidedVolume > 0 && volume >= config.revisit().volumeMultiple() * decidedVolume) {
            reasons.add(new ReopenReason(Trigger.VOLUME_DOUBLED, null, String.format("%,d", decidedVolume), String.format("%,d", volume),
                    String.format("%,d requests a month against %,d when decided (%.1f×).", volume, decidedVolume,
                            volume / (double) decidedVolume)));
        }
        reasons.addAll(gatesOpened(snapshot, decidedVolume, volume));
        reasons.addAll(priceChanges(decision, now));
        return new Evaluation(now, rulesNow, reasons);
    }

    /** The decided workload on the decided tier at its decided cost, with today's catalog: what a check-in is set against. */
    @Transactional(TxType.SUPPORTS)
    public Costing baseline(Proposal proposal, Review decision) {
        return baseline(proposal, decision, EvalResult.ofProposal(proposal.id), costing.snapshot(costing.today()));
    }

    /** The same with the proposal's eval runs and today's catalog as the caller has them. */
    @Transactional(TxType.SUPPORTS)
    public Costing baseline(Proposal proposal, Review decision, List<EvalResult> runs, CatalogSnapshot catalog) {
        return costing.cost(proposal, runs, catalog,
                onDecidedTier(decision.snapshot, decision.chosenTier, decision.snapshot.monthlyCost(decision.chosenTier)));
    }

    /** The decided workload at another volume, compared like with like (see {@link #likeThen}): for forecasts. */
    @Transactional(TxType.SUPPORTS)
    public Costing likeThenAt(Proposal proposal, Review decision, List<EvalResult> runs, CatalogSnapshot catalog, long volume) {
        DecisionSnapshot.DecidedWorkload w = decision.snapshot.workload();
        long days = 30;
        Actuals at = new Actuals(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 30), Math.round(volume * days / Actuals.DAYS_PER_MONTH),
                (int) w.inputTokensPerRequest(), (int) w.outputTokensPerRequest(), java.math.BigDecimal.ZERO, decision.chosenTier, null,
                null, null);
        return costing.cost(proposal, runs, catalog, likeThen(decision.snapshot, at));
    }

    /**
     * The actual workload with the answers the decision was made on, the spend scaled with the volume on the tier it
     * was on then: rules compared like with like, so moving to the decided tier is not by itself a flip.
     */
    private static UnaryOperator<ProposalInputs> likeThen(DecisionSnapshot snapshot, Actuals actuals) {
        return in -> {
            Workload w = in.workload();
            Workload actual = new Workload(actuals.requestsPerMonth(), actuals.inputTokensPerRequest(),
                    actuals.outputTokensPerRequest(), w.cachedInputShare(), w.peakToAverage(), w.ttftTargetMs());
            DecisionSnapshot.DecidedAnswers then = snapshot.answers();
            if (then == null || then.monthlySpendUsd() == null) {
                return new ProposalInputs(actual, in.answers(), in.constraints(), in.scores());
            }
            double scale = snapshot.requestsPerMonth() > 0 ? actuals.requestsPerMonth() / (double) snapshot.requestsPerMonth() : 1;
            Tier tier = then.spendTier() != null ? then.spendTier() : in.answers().incumbentTier();
            return new ProposalInputs(actual, ReviewService.onTier(in.answers(), tier, then.monthlySpendUsd() * scale),
                    in.constraints(), in.scores());
        };
    }

    /** The plan's volume-gated next steps whose gate the actual volume reached (and the decided one had not). */
    static List<ReopenReason> gatesOpened(DecisionSnapshot snapshot, long decidedVolume, long volume) {
        List<ReopenReason> opened = new ArrayList<>();
        if (snapshot.plan() == null) {
            return opened;
        }
        for (PlanStep step : snapshot.plan()) {
            if (step.gate() == PlanStep.Gate.VOLUME && step.fromRequestsPerMonth() != null
                    && (step.stage() == PlanStep.Stage.NEXT || step.stage() == PlanStep.Stage.DESTINATION)
                    && decidedVolume < step.fromRequestsPerMonth() && volume >= step.fromRequestsPerMonth()) {
                opened.add(new ReopenReason(Trigger.GATE_OPENED, step.stage().name() + ":" + step.tier().name(),
                        String.format("%,d", decidedVolume), String.format("%,d", volume), String.format(
                                "%,d requests a month reach the plan's %s step (%s from %,d a month).", volume,
                                step.stage().name().toLowerCase(java.util.Locale.ROOT), step.tier().label(),
                                step.fromRequestsPerMonth())));
            }
        }
        return opened;
    }

    /** Catalog rows the decision used whose prices moved by more than the allowed share since: one reason per row. */
    List<ReopenReason> priceChanges(Review decision, Costing now) {
        Map<String, List<String[]>> moved = new LinkedHashMap<>();
        Map<String, String> describes = new LinkedHashMap<>();
        for (DecisionSnapshot.CatalogValueUsed value : decision.snapshot.catalog()) {
            Param param = Param.byKey(value.key()).orElse(null);
            if (param == null || !value.fromCatalog() || param.group() != Param.Group.PRICE && param != Param.GPU_USD_PER_HOUR) {
                continue;
            }
            double then = value.value();
            double current = now.assumptions().get(param);
            if (then > 0 && Math.abs(current - then) / then > config.revisit().priceMoveShare()) {
                String row = value.ref() != null ? value.ref() : param.key();
                moved.computeIfAbsent(row, r -> new ArrayList<>()).add(new String[] { param.key(), Text.number(then),
                        Text.number(current), String.format("%+.0f%%", 100 * (current - then) / then) });
                describes.putIfAbsent(row, value.describes());
            }
        }
        List<ReopenReason> changed = new ArrayList<>();
        for (var row : moved.entrySet()) {
            List<String[]> values = row.getValue();
            String then = String.join(", ", values.stream().map(v -> v[0] + " " + v[1]).toList());
            String current = String.join(", ", values.stream().map(v -> v[0] + " " + v[2]).toList());
            String what = String.join(", ", values.stream().map(v -> v[0] + " is " + v[2] + " against " + v[1] + " (" + v[3] + ")")
                    .toList());
            changed.add(new ReopenReason(Trigger.PRICE_CHANGED, row.getKey(), then, current, String.format("%s (%s): %s when decided.",
                    row.getKey(), describes.get(row.getKey()), what)));
        }
        return changed;
    }

    private static UnaryOperator<ProposalInputs> onDecidedTier(DecisionSnapshot snapshot, Tier decided, double decidedCost) {
        Workload decidedWorkload = snapshot.workload().toWorkload();
        return in -> new ProposalInputs(decidedWorkload, ReviewService.onTier(in.answers(), decided, decidedCost), in.constraints(),
                in.scores());
    }

    private static UnaryOperator<ProposalInputs> withActuals(Tier decided, Actuals actuals) {
        return in -> {
            Workload w = in.workload();
            Workload actual = new Workload(actuals.requestsPerMonth(), actuals.inputTokensPerRequest(),
                    actuals.outputTokensPerRequest(), w.cachedInputShare(), w.peakToAverage(), w.ttftTargetMs());
            Tier tier = actuals.spendTier() != null ? actuals.spendTier() : decided;
            return new ProposalInputs(actual, ReviewService.onTier(in.answers(), tier, actuals.spendPerMonth()), in.constraints(),
                    in.scores());
        };
    }

    /**
     * Moves an approved decision to {@code REVIEW_DUE} with its reasons (or adds them to a decision already due),
     * audited and notified. Returns whether the status changed.
     */
    @Transactional(TxType.MANDATORY)
    public boolean reopen(Proposal proposal, List<ReopenReason> reasons, String actor, Notification.Kind kind, String eventKey) {
        return reopen(proposal, reasons, actor, kind, eventKey, LocalDate.now(clock));
    }

    /**
     * As {@link #reopen(Proposal, List, String, Notification.Kind, String)}, due since the given day (a scheduled review's
     * date). A person's act (a check-in) re-opens one decision: its mail goes out on its own, not in a digest.
     */
    @Transactional(TxType.MANDATORY)
    public boolean reopen(Proposal proposal, List<ReopenReason> reasons, String actor, Notification.Kind kind, String eventKey,
            LocalDate since) {
        ProposalStatus from = proposal.status;
        if (!proposal.reopen(reasons, since)) {
            return false; // not a decision in force, or re-opened for these reasons already: nothing to audit
        }
        proposal.updatedAt = clock.instant();
        count(reasons);
        reopened(proposal, from, reasons, actor).record();
        if (from != proposal.status) {
            queue(List.of(mail(proposal, kind, eventKey, what(reasons), new Recipients())));
        }
        return from != proposal.status;
    }

    /** A decision a batch re-opens with these reasons: its mail's kind and key, due since {@code since}. */
    record Reopening(Proposal proposal, List<ReopenReason> reasons, Notification.Kind kind, String eventKey, LocalDate since) {
    }

    /**
     * Re-opens a batch of decisions as {@link #reopen(Proposal, List, String, Notification.Kind, String, LocalDate)} does
     * one, the same rule ({@link Proposal#reopen}) on each, with the batch's writes as one statement each: the proposals'
     * new workflow state (so the estimate triggers, which run once per statement, run once for the batch: per decision
     * they were 1 ms of the 1.3 ms its update took at 100x), their audit events and their mails, held for the digest
     * ({@link #hold}). The proposals must be locked by the caller, under the sweep's lock; they stay read-only in the
     * persistence context, so Hibernate does not write them again. Returns the ids whose status changed.
     */
    List<Long> reopenAll(List<Reopening> batch, String actor) {
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        session.flush(); // anything pending goes first, as it would have
        java.time.Instant now = clock.instant();
        List<Proposal> written = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        List<String> reasonsJson = new ArrayList<>();
        List<AuditService.Entry> events = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        List<Long> moved = new ArrayList<>();
        for (Reopening r : batch) {
            Proposal proposal = r.proposal();
            session.setReadOnly(proposal, true);
            ProposalStatus from = proposal.status;
            long version = proposal.version;
            if (!proposal.reopen(r.reasons(), r.since())) {
                continue;
            }
            proposal.updatedAt = now;
            written.add(proposal);
            versions.add(version);
            reasonsJson.add(json(proposal.dueReasons));
            count(r.reasons());
            events.add(reopened(proposal, from, r.reasons(), actor));
            if (from != proposal.status) {
                moved.add(proposal.id);
                held.add(held(proposal, r.kind(), r.eventKey(), what(r.reasons())));
            }
        }
        if (written.isEmpty()) {
            return moved;
        }
        int updated = rows.write("update proposal p set status = v.status, review_round = v.round, due_since = v.since, "
                + "due_reasons = v.reasons, updated_at = ?1, version = p.version + 1 from unnest(?2, ?3, ?4, ?5, cast(?6 as date[]), "
                + "cast(?7 as jsonb[])) v(id, version, status, round, since, reasons) where p.id = v.id and p.version = v.version",
                List.of(now, written.stream().map(p -> p.id).toArray(Long[]::new), versions.toArray(Long[]::new),
                        written.stream().map(p -> p.status.name()).toArray(String[]::new),
                        written.stream().map(p -> (long) p.reviewRound).toArray(Long[]::new),
                        written.stream().map(p -> p.dueSince == null ? null : p.dueSince.toString()).toArray(String[]::new),
                        reasonsJson.toArray(String[]::new)));
        if (updated != written.size()) {
            // the caller locked them: another version means a write this batch did not see; none of it is kept
            throw new jakarta.persistence.OptimisticLockException("A decision changed while the sweep re-opened it");
        }
        audit.recordAll(events);
        hold(held);
        return moved;
    }

    private String json(List<ReopenReason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(List<ReopenReason> reasons) {
        reasons.stream().map(r -> r.trigger().name()).distinct()
                .forEach(t -> meters.counter("hosting_review_reopens", "trigger", t).increment());
    }

    private AuditService.Entry reopened(Proposal proposal, ProposalStatus from, List<ReopenReason> reasons,
            String actor) {
        return audit.event(AuditAction.PROPOSAL_REOPENED, actor).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                .detail("reasons", reasons.stream().map(ReopenReason::label).toList())
                .changes(new Changes().field("status", from, proposal.status));
    }

    private static String what(List<ReopenReason> reasons) {
        return reasons.get(0).trigger() == Trigger.SCHEDULED ? "is due for its scheduled review" : "was re-opened: " + reasons.get(0).code();
    }

    /**
     * The scheduled sweep: due decisions move to review, overdue ones are flagged, decisions whose prices moved are
     * re-opened, then what it did is mailed as digests ({@link #digest}). Idempotent; in bounded batches of
     * {@value #BATCH}, each its own short transaction under the sweep's advisory lock (so two instances interleave
     * batches, never work on the same decision at once), so the trail's lock is held for one batch's events only and
     * memory does not grow with the number of decisions.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Sweep sweep() {
        long started = System.nanoTime();
        // each batch locks its decisions' rows (in id order) before it writes to the trail: one lock order with
        // check-ins and reviews, without holding every decision for the whole sweep
        LocalDate today = LocalDate.now(clock);
        int due = 0;
        for (int n = BATCH; n == BATCH;) {
            n = QuarkusTransaction.requiringNew().call(() -> dueBatch(today));
            due += n;
        }
        // Prices that came into force since the last check (an admin may enter them ahead of their date); with the same
        // prices in force as at the last check, only the decisions written since
        PriceCheck prices = reprice(AuditService.SYSTEM, (checked, reopened) -> {
        }, true);
        LocalDate limit = today.minusDays(config.revisit().overdueDays());
        int flagged = 0;
        Overdue batch = new Overdue(0, LocalDate.of(1, 1, 1), 0);
        do {
            Overdue after = batch;
            batch = QuarkusTransaction.requiringNew().call(() -> overdueBatch(limit, after));
            flagged += batch.size();
        } while (batch.size() == BATCH);
        Digested digested = digest();
        return new Sweep(due, prices.reopened().size(), flagged, prices.checked(), prices.full(), digested.mails(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void lockSweep() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, SWEEP_LOCK).getSingleResult();
    }

    /**
     * Up to one batch of approved decisions whose review date has come, moved to review (so the next batch finds others).
     * The batch is the earliest by review date, read on the index of approved decisions by date
     * ({@code proposal_approved_review_idx}), then locked in id order: taken by id alone, each batch scanned the rows the
     * batches before it had moved (39 ms a batch when 30,000 were due at once at 100x).
     */
    int dueBatch(LocalDate today) {
        lockSweep();
        List<Proposal> due = em.createQuery("from Proposal p join fetch p.team join fetch p.feature where p.id in (select q.id "
                + "from Proposal q where q.status = :approved and q.nextReviewOn <= :today order by q.nextReviewOn, q.id limit "
                + BATCH + ") and p.status = :approved and p.nextReviewOn <= :today order by p.id", Proposal.class)
                .setParameter("approved", ProposalStatus.APPROVED).setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        // Due since its review date, not since the sweep ran: an app that was down does not make a decision younger.
        reopenAll(due.stream().map(p -> new Reopening(p, List.of(SCHEDULED), Notification.Kind.DUE, "due:" + p.id + ":" + p.nextReviewOn,
                p.nextReviewOn)).toList(), AuditService.SYSTEM);
        return due.size();
    }

    /** Where a batch of the overdue flagging ended: its size, and the due date and id of its last decision. */
    record Overdue(int size, LocalDate lastDueSince, long lastId) {
    }

    /**
     * Up to one batch of decisions due for longer than allowed and not flagged yet (no overdue mail held or queued), after the
     * last batch's ({@code after}) by due date and id, on the index of due decisions by date, flagged: a flagged decision
     * stays due, so a batch that began at the start again would pass every one flagged before it. A decision is flagged
     * once per round: its key is held for the digest (or, flagged before digests, in the outbox).
     */
    Overdue overdueBatch(LocalDate limit, Overdue after) {
        lockSweep();
        List<Proposal> overdue = em.createQuery("from Proposal p join fetch p.team join fetch p.feature where p.id in (select q.id "
                + "from Proposal q where q.status = :due and q.dueSince <= :limit and (q.dueSince > :afterDay or (q.dueSince = :afterDay "
                + "and q.id > :afterId)) and not exists (select 1 from Notification n where n.eventKey = concat('overdue:', "
                + "cast(q.id as String), ':', cast(q.reviewRound as String))) and not exists (select 1 from DigestItem d "
                + "where d.eventKey = concat('overdue:', cast(q.id as String), ':', cast(q.reviewRound as String))) "
                + "order by q.dueSince, q.id limit " + BATCH + ") "
                + "and p.status = :due and p.dueSince <= :limit order by p.id", Proposal.class)
                .setParameter("due", ProposalStatus.REVIEW_DUE).setParameter("limit", limit).setParameter("afterDay", after.lastDueSince())
                .setParameter("afterId", after.lastId()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (overdue.isEmpty()) {
            return new Overdue(0, after.lastDueSince(), after.lastId());
        }
        List<AuditService.Entry> events = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        for (Proposal proposal : overdue) {
            String key = "overdue:" + proposal.id + ":" + proposal.reviewRound;
            events.add(audit.event(AuditAction.REVIEW_OVERDUE, AuditService.SYSTEM).on(AuditEntity.PROPOSAL, proposal.id)
                    .team(proposal.team.id).detail("dueSince", proposal.dueSince.toString()));
            held.add(held(proposal, Notification.Kind.OVERDUE, key, "is overdue for review (due since " + proposal.dueSince + ")"));
        }
        audit.recordAll(events);
        hold(held);
        Proposal last = overdue.stream().max(java.util.Comparator.comparing((Proposal p) -> p.dueSince).thenComparingLong(p -> p.id))
                .orElseThrow();
        return new Overdue(overdue.size(), last.dueSince, last.id);
    }

    /**
     * What one sweep did: decisions made due, re-opened by prices and flagged overdue; how many decisions its price check
     * re-costed, and whether it checked every decision (the prices in force changed since the last check, or there was
     * none) or only those written since; how many digests it queued and how long it took (its mails are sent after, by
     * {@link Notifier}).
     */
    public record Sweep(int madeDue, int repriced, int flaggedOverdue, int priceChecked, boolean fullPriceCheck, int digests,
            long tookMs) {
    }

    /**
     * The price rows (model and GPU prices, the ones {@link #priceChanges} compares) that a newer row in force today
     * replaces for the same model and provider or the same GPU, or that a newer, cheaper row of the same model at another
     * provider undercuts, at prices that moved by more than the allowed share: only a decision costed with one of them
     * can have seen its price move.
     */
    record PriceMoments(String supersededRefs, String undercutRefs, String undercutUntil) {
        boolean none() {
            return supersededRefs.equals("{}") && undercutRefs.equals("{}");
        }
    }

    /**
     * The value of each priced mode of a model_price row {@code m} as the catalog prices it (a mode the provider does not
     * offer at the standard price), and "moved": the newer row {@code m1} against {@code m0} by more than the share ?2.
     */
    private static String moved() {
        String[][] modes = { { "input_usd_per_mtok", "input_usd_per_mtok" }, { "output_usd_per_mtok", "output_usd_per_mtok" },
                { "cached_input_usd_per_mtok", "input_usd_per_mtok" }, { "batch_input_usd_per_mtok", "input_usd_per_mtok" },
                { "batch_output_usd_per_mtok", "output_usd_per_mtok" }, { "cache_write_usd_per_mtok", "input_usd_per_mtok" } };
        return "(" + String.join(" or ", java.util.Arrays.stream(modes).map(m -> {
            String now = "coalesce(m1." + m[0] + ", m1." + m[1] + ")";
            String then = "coalesce(m0." + m[0] + ", m0." + m[1] + ")";
            return "(" + then + " > 0 and abs(" + now + " - " + then + ") > ?2 * " + then + ")";
        }).toList()) + ")";
    }

    PriceMoments priceMoments() {
        // compared in SQL, mode by mode as the catalog prices them: a replacement at the same prices (a correction of the
        // source, a mode added at the standard price) re-costs no decision
        @SuppressWarnings("unchecked")
        List<String> superseded = em.createNativeQuery("select 'model_price:' || m0.id from model_price m0 where exists (select 1 "
                + "from model_price m1 where lower(m1.model) = lower(m0.model) and m1.provider = m0.provider and m1.id <> m0.id "
                + "and m1.effective_from <= ?1 and (m1.effective_from > m0.effective_from or (m1.effective_from = m0.effective_from "
                + "and m1.id > m0.id)) and " + moved() + ") "
                + "union all select 'gpu_price:' || g0.id from gpu_price g0 where exists (select 1 from gpu_price g1 "
                + "where g1.gpu = g0.gpu and g1.id <> g0.id and g1.effective_from <= ?1 and (g1.effective_from > g0.effective_from "
                + "or (g1.effective_from = g0.effective_from and g1.id > g0.id)) "
                + "and abs(g1.usd_per_hour - g0.usd_per_hour) > ?2 * g0.usd_per_hour)").setParameter(1, costing.today())
                .setParameter(2, config.revisit().priceMoveShare()).getResultList();
        // rows a cheaper row of the same model at another provider, in force today, undercuts by more than the share: a
        // proposal that names no provider is priced at the cheapest, so a decision made before that row took effect may
        // move. With each, the day the latest cheaper row took effect: a decision made on or before it is a candidate.
        @SuppressWarnings("unchecked")
        List<Object[]> undercut = em.createNativeQuery("select 'model_price:' || m0.id, cast((select max(m1.effective_from) "
                + "from model_price m1 where lower(m1.model) = lower(m0.model) and m1.provider <> m0.provider "
                + "and m1.effective_from <= ?1 and (m1.input_usd_per_mtok < m0.input_usd_per_mtok "
                + "or m1.output_usd_per_mtok < m0.output_usd_per_mtok)) as text) from model_price m0 where exists (select 1 "
                + "from model_price m1 where lower(m1.model) = lower(m0.model) and m1.provider <> m0.provider "
                + "and m1.effective_from <= ?1 and (m1.input_usd_per_mtok < m0.input_usd_per_mtok "
                + "or m1.output_usd_per_mtok < m0.output_usd_per_mtok) and " + moved() + ")")
                .setParameter(1, costing.today()).setParameter(2, config.revisit().priceMoveShare()).getResultList();
        return new PriceMoments("{" + String.join(",", superseded) + "}",
                "{" + String.join(",", undercut.stream().map(r -> (String) r[0]).toList()) + "}",
                "{" + String.join(",", undercut.stream().map(r -> (String) r[1]).toList()) + "}");
    }

    /**
     * The next batch of approved decisions (by id, after {@code after}; written since {@code since} unless null)
     * whose frozen catalog used a price row that has been replaced since at other prices, or that a cheaper row at another
     * provider undercut after the decision: compared in SQL on the refs the database keeps for each review
     * ({@code review_catalog_ref}), without unpacking any snapshot. The undercut rows come with the day the latest cheaper
     * row took effect, so each ref is one comparison: with the cheaper rows looked up per ref, this statement took 380 ms
     * at 100x (the look-up ran for each of 40,000 refs) and ran once per batch.
     */
    List<Long> repriceCandidates(long after, PriceMoments moments, Written since) {
        if (moments.none()) {
            return List.of();
        }
        var query = em.createNativeQuery("select p.id from proposal p where p.status = 'APPROVED' and p.id > ?1 "
                + (since != null ? "and (p.updated_at >= ?5 or p.id in (select w.proposal_id from review w where w.id > ?6)) " : "")
                + "and exists (select 1 from review r "
                + "join review_catalog_ref c on c.review_id = r.id "
                + "left join unnest(cast(?3 as text[]), cast(?4 as date[])) u(ref, until) on u.ref = c.ref "
                + "where r.proposal_id = p.id and r.verdict = 'APPROVE' and r.completes_decision "
                + "and (c.ref = any(cast(?2 as text[])) or cast(r.created_at as date) <= u.until)) "
                + "order by p.id limit " + BATCH).setParameter(1, after).setParameter(2, moments.supersededRefs())
                .setParameter(3, moments.undercutRefs()).setParameter(4, moments.undercutUntil());
        if (since != null) {
            query.setParameter(5, since.at()).setParameter(6, since.afterReview());
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Hears how far a re-check got: decisions checked and re-opened so far. */
    public interface Progress {
        void batch(int checked, int reopened);
    }

    /**
     * Re-opens every approved decision whose prices moved by more than allowed, in bounded batches (each its own short
     * transaction under the sweep's lock): the candidates are found in SQL, by the price rows their frozen catalog used
     * that newer rows replaced, and only they are re-costed; then they are mailed as digests ({@link #digest}). Returns
     * the re-opened decisions' ids.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<Long> repriceAll(String actor, Progress progress) {
        List<Long> reopened = reprice(actor, progress, false).reopened();
        digest();
        return reopened;
    }

    /** What one price check did: the decisions it re-opened, how many it re-costed, and whether it checked them all. */
    record PriceCheck(List<Long> reopened, int checked, boolean full) {
    }

    /**
     * The decisions a check of those written since covers: the proposal written at or after {@code at}, or a review after
     * {@code afterReview} (an approval written with an earlier time, as an import does, is still seen).
     */
    record Written(java.time.Instant at, long afterReview) {
    }

    /** How far back before the last check's start a check of the decisions written since reaches: past any transaction. */
    static final java.time.Duration WRITTEN_SINCE_MARGIN = java.time.Duration.ofHours(1);

    /**
     * The price check: every decision ({@code incremental} false, or the prices in force are not those of the last
     * completed check, or it covers a time still to come, as after a clock set back), or only the decisions written
     * since the last completed check began (less {@link #WRITTEN_SINCE_MARGIN}): a decision is checked against the
     * prices in force, so one that was checked against the same prices and not written since would give the same
     * answer. A completed check is recorded ({@code revisit_price_check}) with the prices it was made against, read
     * before its candidates.
     */
    PriceCheck reprice(String actor, Progress progress, boolean incremental) {
        java.time.Instant started = clock.instant();
        // read together, before any candidate: what this check is made against, and what the last one was
        record Before(String stamp, PriceMoments moments, Object[] last, long maxReview) {
        }
        Before before = QuarkusTransaction.requiringNew().call(() -> new Before(priceStamp(), priceMoments(), lastCheck(),
                ((Number) em.createNativeQuery("select coalesce(max(id), 0) from review").getSingleResult()).longValue()));
        String stamp = before.stamp();
        PriceMoments moments = before.moments();
        long maxReview = before.maxReview();
        Object[] last = before.last();
        Written since = null;
        if (incremental && last != null && stamp.equals(last[0])) {
            java.time.Instant coversUntil = org.hostingreview.system.Rows.instant(last[1]);
            if (!coversUntil.isAfter(started)) {
                since = new Written(coversUntil.minus(WRITTEN_SINCE_MARGIN), ((Number) last[2]).longValue());
            }
        }
        Written writtenSince = since;
        List<Long> reopened = new ArrayList<>();
        int checked = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> repriceCandidates(from, moments, writtenSince));
            if (ids.isEmpty()) {
                break;
            }
            reopened.addAll(QuarkusTransaction.requiringNew().call(() -> {
                lockSweep();
                return repriceBatch(ids, actor, costing.snapshot(costing.today()));
            }));
            checked += ids.size();
            progress.batch(checked, reopened.size());
            after = ids.get(ids.size() - 1);
        }
        int total = checked;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into revisit_price_check (id, prices_stamp, "
                + "covers_until, max_review_id, full_check, checked, finished_at) values (1, ?1, ?2, ?3, ?4, ?5, ?6) "
                + "on conflict (id) do update set prices_stamp = excluded.prices_stamp, covers_until = excluded.covers_until, "
                + "max_review_id = excluded.max_review_id, full_check = excluded.full_check, checked = excluded.checked, "
                + "finished_at = excluded.finished_at").setParameter(1, stamp).setParameter(2, started).setParameter(3, maxReview)
                .setParameter(4, writtenSince == null).setParameter(5, total).setParameter(6, clock.instant()).executeUpdate());
        return new PriceCheck(reopened, checked, writtenSince == null);
    }

    /**
     * The catalog in force today and the allowed share, as one hash: every row of the four catalog tables in force today,
     * whole (a value corrected in place changes it too), so that a check made against it holds while it stands.
     */
    String priceStamp() {
        return (String) em.createNativeQuery("select md5(concat_ws('#', "
                + "(select string_agg(cast(m as text), '|' order by m.id) from model_price m where m.effective_from <= ?1), "
                + "(select string_agg(cast(g as text), '|' order by g.id) from gpu_price g where g.effective_from <= ?1), "
                + "(select string_agg(cast(t as text), '|' order by t.id) from serving_throughput t where t.effective_from <= ?1), "
                + "(select string_agg(cast(v as text), '|' order by v.id) from policy_value v where v.effective_from <= ?1), "
                + "cast(?2 as text)))").setParameter(1, costing.today()).setParameter(2, config.revisit().priceMoveShare())
                .getSingleResult();
    }

    /**
     * The last completed price check: its prices' stamp, the time until which it covered every decision and the last
     * review it could see, or null.
     */
    private Object[] lastCheck() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select prices_stamp, covers_until, max_review_id from revisit_price_check "
                + "where id = 1")
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Re-costs one batch of approved decisions with today's catalog and re-opens those whose prices moved; returns their
     * ids. Everything is costed before the first audit event, so the trail's lock is held for the writes only.
     */
    List<Long> repriceBatch(List<Long> ids, String actor, CatalogSnapshot catalog) {
        List<Proposal> approved = em.createQuery("from Proposal p join fetch p.team join fetch p.feature join fetch p.owner "
                + "where p.id in :ids and p.status = :approved order by p.id", Proposal.class).setParameter("ids", ids)
                .setParameter("approved", ProposalStatus.APPROVED).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<Long, List<EvalResult>> runs = costing.runsOf(approved);
        Map<Long, Review> decisions = reviews.decisions(approved.stream().map(p -> p.id).toList());
        Map<Proposal, List<ReopenReason>> moved = new LinkedHashMap<>();
        for (Proposal proposal : approved) {
            Review decision = decisions.get(proposal.id);
            if (decision == null) {
                continue;
            }
            Costing now = costing.cost(proposal, runs.getOrDefault(proposal.id, List.of()), catalog);
            List<ReopenReason> changed = priceChanges(decision, now);
            if (!changed.isEmpty()) {
                moved.put(proposal, changed);
            }
        }
        LocalDate today = LocalDate.now(clock);
        return reopenAll(moved.entrySet().stream().map(m -> new Reopening(m.getKey(), m.getValue(), Notification.Kind.REOPENED,
                "reopened:" + m.getKey().id + ":" + m.getKey().reviewRound + ":price", today)).toList(), actor);
    }

    /**
     * Who mails go to, by address, read as they are first asked for and kept for the digest step or the check-in that
     * asks: every active reviewer; a team's active proposers who are not reviewers (a team's digest); or both (a
     * decision re-opened by a check-in).
     */
    final class Recipients {
        private List<String> reviewers;
        private final Map<Long, String> byTeam = new java.util.HashMap<>();

        /** Every active reviewer. */
        String reviewers() {
            return String.join(",", new java.util.TreeSet<>(reviewerList()));
        }

        /** The team's active proposers who are not reviewers (a reviewer's digest holds every team's decisions). */
        String proposersOnly(long teamId) {
            java.util.TreeSet<String> proposers = new java.util.TreeSet<>(emails("r.role = 'PROPOSER' and u.team_id = ?1", teamId));
            proposers.removeAll(reviewerList());
            return String.join(",", proposers);
        }

        private List<String> reviewerList() {
            if (reviewers == null) {
                reviewers = emails("r.role = 'REVIEWER'", null);
            }
            return reviewers;
        }

        String of(long teamId) {
            return byTeam.computeIfAbsent(teamId, team -> {
                java.util.TreeSet<String> all = new java.util.TreeSet<>(reviewerList());
                all.addAll(emails("r.role = 'PROPOSER' and u.team_id = ?1", team));
                return String.join(",", all);
            });
        }

        @SuppressWarnings("unchecked")
        private List<String> emails(String where, Long team) {
            var query = em.createNativeQuery("select distinct u.email from app_user u join user_role r on r.user_id = u.id "
                    + "where u.active and " + where);
            if (team != null) {
                query.setParameter(1, team);
            }
            return query.getResultList();
        }
    }

    /** A mail to queue: the decision it is about (none for a digest of several), its kind, once-only key, subject, body and recipients. */
    record Mail(Long proposalId, Notification.Kind kind, String eventKey, String subject, String body, String recipients) {
    }

    /** The mail about a decision to its team's proposers and every reviewer ({@code recipients}). */
    Mail mail(Proposal proposal, Notification.Kind kind, String eventKey, String what, Recipients recipients) {
        Held held = held(proposal, kind, eventKey, what);
        return new Mail(proposal.id, kind, eventKey, held.subject(), held.body(), recipients.of(proposal.team.id));
    }

    /** A decision's mail held for the digest: as {@link Mail}, with its team instead of its recipients. */
    record Held(long proposalId, long teamId, Notification.Kind kind, String eventKey, String subject, String body) {
    }

    /** The mail about a decision, held for the digest of its team's proposers and the reviewers. */
    Held held(Proposal proposal, Notification.Kind kind, String eventKey, String what) {
        String subject = Notification.singleLine(String.format(Digests.PREFIX + "#%d %s %s", proposal.id, proposal.title, what), 300);
        String body = Templates.decisionMail(proposal.id, Notification.singleLine(proposal.title, 300), proposal.team.name,
                Notification.singleLine(proposal.feature.name, 200), what, proposal.dueReasons.stream().map(r -> r.label()).toList(),
                config.baseUrl()).render();
        return new Held(proposal.id, proposal.team.id, kind, eventKey, subject, body);
    }

    /**
     * Holds a batch's mails for the digest in one statement, in the batch's transaction; a key already held holds
     * nothing: each decision is mailed once per event.
     */
    void hold(List<Held> held) {
        if (held.isEmpty()) {
            return;
        }
        rows.write("insert into digest_item (proposal_id, team_id, kind, event_key, subject, body, created_at) "
                + "select h.*, ?7 from unnest(?1, ?2, ?3, ?4, ?5, ?6) h on conflict (event_key) do nothing",
                List.of(held.stream().map(Held::proposalId).toArray(Long[]::new), held.stream().map(Held::teamId).toArray(Long[]::new),
                        held.stream().map(h -> h.kind().name()).toArray(String[]::new), held.stream().map(Held::eventKey).toArray(String[]::new),
                        held.stream().map(Held::subject).toArray(String[]::new), held.stream().map(Held::body).toArray(String[]::new),
                        clock.instant()));
    }

    /** What a digest step did: the decisions it mailed, in how many mails. */
    record Digested(int decisions, int mails) {
    }

    /**
     * The mails held, one per decision: a decision held twice in one digest (due on its date and overdue at once, after
     * weeks with no sweep) is listed once, under the most urgent kind (overdue, then re-opened, then due).
     */
    private static final String HELD = "held as (select distinct on (proposal_id) * from digest_item where mailed_at is null "
            + "order by proposal_id, case kind when 'OVERDUE' then 0 when 'REOPENED' then 1 else 2 end, id)";

    /**
     * Mails every decision held for the digest: one mail to every active reviewer with all of them, and one to each
     * team's active proposers who are not reviewers with the team's (a reviewer has them all in the first), each listing
     * the first {@value Digests#LISTED} of a kind and counting the rest ({@link Digests}). One short transaction under
     * the sweep's lock, so no batch holds more meanwhile: the held decisions are read, marked mailed and their digests
     * queued in the outbox together, and what a crash left held goes out with the next digest. A team with no such
     * proposer gets none; with no active reviewer, nor do the reviewers.
     */
    Digested digest() {
        return QuarkusTransaction.requiringNew().call(() -> {
            lockSweep();
            @SuppressWarnings("unchecked")
            List<Object[]> counted = em.createNativeQuery("with " + HELD + " select i.team_id, t.name, i.kind, count(*) "
                    + "from held i join team t on t.id = i.team_id group by i.team_id, t.name, i.kind order by min(i.id)")
                    .getResultList();
            if (counted.isEmpty()) {
                return new Digested(0, 0);
            }
            List<Digests.Count> counts = counted.stream().map(r -> new Digests.Count(((Number) r[0]).longValue(), (String) r[1],
                    Notification.Kind.valueOf((String) r[2]), ((Number) r[3]).longValue())).toList();
            @SuppressWarnings("unchecked")
            List<Object[]> first = em.createNativeQuery("with " + HELD + " select id, proposal_id, team_id, kind, event_key, "
                    + "subject, body from (select i.*, row_number() over (partition by i.team_id, i.kind order by i.id) n "
                    + "from held i) i where n <= ?1 order by id").setParameter(1, Digests.LISTED).getResultList();
            List<Digests.Item> listed = first.stream().map(r -> new Digests.Item(((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), Notification.Kind.valueOf((String) r[3]),
                    (String) r[4], (String) r[5], (String) r[6])).toList();
            // every held mail, those of a decision listed under a more urgent kind too: the sweep's lock keeps the
            // batches out, so these are the ones just read
            em.createNativeQuery("update digest_item set mailed_at = ?1 where mailed_at is null").setParameter(1, clock.instant())
                    .executeUpdate();
            long held = counts.stream().mapToLong(Digests.Count::count).sum();
            Recipients recipients = new Recipients();
            List<Mail> mails = new ArrayList<>();
            for (Digests.Digest d : Digests.of(counts, listed, config.baseUrl())) {
                String to = d.forReviewers() ? recipients.reviewers() : recipients.proposersOnly(d.teamId());
                if (!to.isEmpty()) {
                    mails.add(new Mail(d.proposalId(), d.kind(), d.eventKey(), d.subject(), d.body(), to));
                }
            }
            queue(mails);
            return new Digested((int) held, mails.size());
        });
    }

    /**
     * Queues the mails in one statement; each key makes its mail once per event: a key already used inserts nothing
     * ({@code on conflict (event_key) do nothing}), instead of counting the keys first.
     */
    void queue(List<Mail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        List<Object[]> inserted = rows.writeReturning("insert into notification (proposal_id, kind, event_key, subject, body, recipients, "
                + "created_at) select m.*, ?7 from unnest(cast(?1 as bigint[]), ?2, ?3, ?4, ?5, ?6) m on conflict (event_key) do nothing "
                + "returning id",
                List.of(mails.stream().map(Mail::proposalId).toArray(Long[]::new), mails.stream().map(m -> m.kind().name()).toArray(String[]::new),
                        mails.stream().map(Mail::eventKey).toArray(String[]::new), mails.stream().map(Mail::subject).toArray(String[]::new),
                        mails.stream().map(Mail::body).toArray(String[]::new), mails.stream().map(Mail::recipients).toArray(String[]::new),
                        clock.instant()));
        if (!inserted.isEmpty()) {
            queued.fire(new Notification.Queued(((Number) inserted.get(0)[0]).longValue()));
        }
    }
}
