package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.recommendation.PlanStep;
import org.hostingreview.recommendation.Recommendation;

/**
 * Each proposal's current estimate, stored ({@code proposal_estimate}) so that the portfolio reads it instead of costing
 * every feature per request: the monthly cost of each tier, the recommended tier, the phased plan and the catalog day
 * it was costed as of, with today's catalog. Every write that changes what a proposal is costed on (its steps, saved
 * assumptions, eval runs, a new proposal, a catalog change) calls {@link #refresh} in its own transaction; which
 * proposal stands for its feature, its team and draft state follow the proposal by trigger (see {@code V17_1}).
 */
@ApplicationScoped
public class Estimates {

    private static final Logger LOG = Logger.getLogger(Estimates.class);
    /** Proposals re-costed per transaction when many are (a catalog change, start-up). */
    public static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    CostingService costing;

    @Inject
    Clock clock;

    /** What one proposal's estimate holds. */
    public record Estimate(long proposalId, Tier today, Tier recommended, double frontier, double hostedOpen, double selfHosted,
            double spendToday, double underRecommendation, LocalDate catalogAsOf, List<PlanStep> plan) {

        public boolean moves() {
            return today != recommended;
        }
    }

    /** The estimate of a proposal, costed as the portfolio shows it: as filed, with the catalog given. */
    public static Estimate of(Proposal proposal, List<EvalResult> runs, CatalogSnapshot catalog, CostingService costing,
            LocalDate asOf) {
        Costing costed = costing.cost(proposal, runs, catalog);
        Recommendation r = costed.recommendation();
        Tier today = costed.inputs().answers().incumbentTier();
        double spend = proposal.spend.currentMonthlySpendUsd != null ? proposal.spend.currentMonthlySpendUsd.doubleValue()
                : r.tier(today).monthlyCost();
        return new Estimate(proposal.id, today, r.recommended(), r.tier(Tier.FRONTIER_CLOSED).monthlyCost(),
                r.tier(Tier.HOSTED_OPEN).monthlyCost(), r.tier(Tier.SELF_HOSTED).monthlyCost(), spend,
                r.tier(r.recommended()).monthlyCost(), asOf, r.plan() == null ? List.of() : r.plan());
    }

    /** Re-costs these proposals in the caller's transaction (after flushing what it changed). */
    @Transactional(TxType.MANDATORY)
    public void refresh(Collection<Long> proposalIds) {
        if (proposalIds.isEmpty()) {
            return;
        }
        em.flush();
        LocalDate today = costing.today();
        CatalogSnapshot catalog = costing.snapshot(today);
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(proposalIds));
        for (int from = 0; from < ids.size(); from += CostingService.ID_CHUNK) {
            write(ids.subList(from, Math.min(ids.size(), from + CostingService.ID_CHUNK)), catalog, today);
        }
    }

    /** Re-costs one proposal in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public void refresh(long proposalId) {
        refresh(List.of(proposalId));
    }

    private void write(List<Long> ids, CatalogSnapshot catalog, LocalDate today) {
        List<Proposal> proposals = em.createQuery("from Proposal p join fetch p.feature join fetch p.team where p.id in :ids "
                + "order by p.id", Proposal.class).setParameter("ids", ids).getResultList();
        if (proposals.isEmpty()) {
            return;
        }
        Map<Long, List<EvalResult>> runs = costing.runsOf(proposals);
        JsonArray rows = new JsonArray();
        JsonArray features = new JsonArray();
        for (Proposal proposal : proposals) {
            Estimate e = of(proposal, runs.getOrDefault(proposal.id, List.of()), catalog, costing, today);
            JsonArray plan = new JsonArray();
            for (PlanStep step : e.plan()) {
                plan.add(new JsonObject().put("stage", step.stage().name()).put("tier", step.tier().name())
                        .put("gate", step.gate() == null ? null : step.gate().name())
                        .put("fromRequestsPerMonth", step.fromRequestsPerMonth()).put("monthlyCost", usd(step.monthlyCost())));
            }
            rows.add(new JsonObject().put("proposal_id", proposal.id).put("today_tier", e.today().name())
                    .put("recommended_tier", e.recommended().name()).put("frontier_usd", usd(e.frontier()))
                    .put("hosted_open_usd", usd(e.hostedOpen())).put("self_hosted_usd", usd(e.selfHosted()))
                    .put("spend_today_usd", usd(e.spendToday())).put("under_recommendation_usd", usd(e.underRecommendation()))
                    .put("plan", plan));
            features.add(proposal.feature.id);
        }
        em.createNativeQuery("insert into proposal_estimate (proposal_id, team_id, draft, today_tier, recommended_tier, frontier_usd, "
                + "hosted_open_usd, self_hosted_usd, spend_today_usd, under_recommendation_usd, plan, catalog_as_of, computed_at, stale) "
                + "select r.proposal_id, p.team_id, p.status = 'DRAFT', r.today_tier, r.recommended_tier, r.frontier_usd, r.hosted_open_usd, "
                + "r.self_hosted_usd, r.spend_today_usd, r.under_recommendation_usd, r.plan, ?2, ?3, false "
                + "from jsonb_to_recordset(cast(?1 as jsonb)) as r(proposal_id bigint, today_tier text, recommended_tier text, "
                + "frontier_usd numeric, hosted_open_usd numeric, self_hosted_usd numeric, spend_today_usd numeric, "
                + "under_recommendation_usd numeric, plan jsonb) join proposal p on p.id = r.proposal_id order by r.proposal_id "
                + "on conflict (proposal_id) do update set today_tier = excluded.today_tier, recommended_tier = excluded.recommended_tier, "
                + "frontier_usd = excluded.frontier_usd, hosted_open_usd = excluded.hosted_open_usd, self_hosted_usd = excluded.self_hosted_usd, "
                + "spend_today_usd = excluded.spend_today_usd, under_recommendation_usd = excluded.under_recommendation_usd, "
                + "plan = excluded.plan, catalog_as_of = excluded.catalog_as_of, computed_at = excluded.computed_at, stale = false")
                .setParameter(1, rows.encode()).setParameter(2, today).setParameter(3, clock.instant()).executeUpdate();
        em.createNativeQuery("select cast(portfolio_pick(cast(?1 as bigint[])) as text)")
                .setParameter(1, "{" + String.join(",", features.stream().map(String::valueOf).distinct().toList()) + "}")
                .getSingleResult();
    }

    /** A cost as stored: six decimals, so that sums in SQL are exact. */
    static BigDecimal usd(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN);
    }

    /** Which proposals a re-costing pass covers. */
    public enum Scope {
        /** Every proposal that has not ended (a catalog change). */
        OPEN("p.status not in ('WITHDRAWN', 'SUPERSEDED', 'REJECTED')"),
        /**
         * Proposals without an estimate, marked stale, costed on an earlier day than today's catalog came into force, or
         * costed before the latest catalog change (its re-check re-costs the open ones; this pass the ended ones, which
         * the proposals list would otherwise cost on the fly): the estimates that are not {@link Estimates#fresh fresh}.
         */
        OUTDATED("(e.proposal_id is null or e.stale or e.catalog_as_of < ?2 "
                + "or e.computed_at < coalesce((select catalog_last_change()), '-infinity'))");

        final String where;

        Scope(String where) {
            this.where = where;
        }
    }

    /**
     * Re-costs every proposal of the scope in bounded batches, each its own short transaction (the persistence context
     * ends with it), by id. Returns how many were re-costed; {@code progress} hears the count after each batch.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public int refreshAll(Scope scope, IntConsumer progress) {
        long started = System.nanoTime();
        LocalDate inForceSince = QuarkusTransaction.requiringNew().call(this::catalogInForceSince);
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> batch(scope, from, inForceSince));
            if (ids.isEmpty()) {
                break;
            }
            for (int attempt = 1;; attempt++) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        // the batch's proposals first (id order), as every write on a proposal takes its row first
                        em.createNativeQuery("select id from proposal where id = any(cast(?1 as bigint[])) order by id for update")
                                .setParameter(1, "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}")
                                .getResultList();
                        refresh(ids);
                    });
                    break;
                } catch (RuntimeException e) {
                    // a write on one of these proposals' features at the same moment may deadlock with the batch: once more
                    if (attempt == 3) {
                        throw e;
                    }
                    LOG.debugf(e, "Estimates: batch after %d failed, once more", from);
                }
            }
            done += ids.size();
            after = ids.get(ids.size() - 1);
            progress.accept(done);
            if (done % (BATCH * 25) == 0) {
                LOG.infof("Estimates: %d re-costed so far (%s)", done, scope);
            }
        }
        if (done > 0) {
            LOG.infof("Estimates: %d re-costed in %d ms (%s)", done, (System.nanoTime() - started) / 1_000_000, scope);
        }
        return done;
    }

    /**
     * SQL for the latest day on which a catalog row in force on {@code today} (a parameter, e.g. {@code :today}) took
     * effect, or null: evaluated once per statement ({@code V27_1}'s function, whose plan PostgreSQL keeps).
     */
    static String inForceSince(String today) {
        return "(select catalog_in_force_since(" + today + "))";
    }

    /**
     * SQL that is true when the stored estimate {@code e} (a left-joined {@code proposal_estimate}) can be shown as today's:
     * it exists, is not {@link Scope#OUTDATED} (not stale, costed no earlier than today's catalog came into force, with
     * {@code today} the parameter of {@link CostingService#today()}), and was costed after the latest catalog change
     * was made (whose background re-check re-costs it; until then it is costed on the fly). Pages that show a stored
     * figure read it only where this holds and cost the others as they render.
     */
    public static String fresh(String e, String today) {
        return "(" + e + ".proposal_id is not null and not " + e + ".stale and " + e + ".catalog_as_of >= coalesce("
                + inForceSince(today) + ", date '1970-01-01') and " + e + ".computed_at >= coalesce((select "
                + "catalog_last_change()), '-infinity'))";
    }

    @SuppressWarnings("unchecked")
    private List<Long> batch(Scope scope, long after, LocalDate inForceSince) {
        var query = em.createNativeQuery("select p.id from proposal p left join proposal_estimate e on e.proposal_id = p.id "
                + "where p.id > ?1 and " + scope.where + " order by p.id limit " + BATCH).setParameter(1, after);
        if (scope == Scope.OUTDATED) {
            query.setParameter(2, inForceSince);
        }
        return ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
    }

    /** The latest day on which a catalog row in force today took effect: an estimate costed before it is outdated. */
    private LocalDate catalogInForceSince() {
        Object day = em.createNativeQuery("select " + inForceSince("?1")).setParameter(1, costing.today()).getSingleResult();
        return day == null ? LocalDate.of(1970, 1, 1) : day instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) day;
    }
}
