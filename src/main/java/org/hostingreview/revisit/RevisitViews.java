package org.hostingreview.revisit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.proposal.Trigger;
import org.hostingreview.recommendation.FiredRule;
import org.hostingreview.review.DecisionSnapshot;
import org.hostingreview.review.Review;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

/** What the revisit pages show: the dashboard's due decisions, and "what changed since approval". */
@ApplicationScoped
public class RevisitViews {

    @Inject
    EntityManager em;

    @Inject
    CostingService costing;

    @Inject
    RevisitService revisits;

    @Inject
    CheckinObservations observations;

    @Inject
    Forecasts forecaster;

    @Inject
    HostingReviewConfig config;

    @Inject
    Clock clock;

    /** A decision on the dashboard. */
    public record DueRow(long id, String title, String team, ProposalStatus status, LocalDate date, long days,
            List<ReopenReason> reasons) {

        /** Re-opened by a check-in or a price, rather than by its review date alone. */
        public boolean reopened() {
            return reasons.stream().anyMatch(r -> r.trigger() != Trigger.SCHEDULED);
        }
    }

    /** A decision whose volume trend crosses one of its thresholds. */
    public record ForecastRow(long id, String title, String team, Forecast forecast) {
    }

    /** The dashboard's four lists, and the forecasts that project a crossing. */
    public record Dashboard(List<DueRow> dueSoon, List<DueRow> dueNow, List<DueRow> overdue, List<DueRow> reopened,
            List<ForecastRow> forecasts) {

        public boolean empty() {
            return dueSoon.isEmpty() && dueNow.isEmpty() && overdue.isEmpty() && reopened.isEmpty();
        }
    }

    /** Approved decisions and decisions due for review in the user's scope, by review date. */
    @Transactional(TxType.SUPPORTS)
    public List<Proposal> decisionsInScope(SignedInUser me) {
        boolean seesAll = me.seesAllTeams();
        var query = em.createQuery("from Proposal p join fetch p.team join fetch p.feature where p.status in :statuses"
                + (seesAll ? "" : " and p.team.id = :team") + " order by p.nextReviewOn, p.dueSince, p.id", Proposal.class)
                .setParameter("statuses", List.of(ProposalStatus.APPROVED, ProposalStatus.REVIEW_DUE));
        if (!seesAll) {
            query.setParameter("team", me.teamId());
        }
        return query.getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public Dashboard dashboard(SignedInUser me) {
        LocalDate today = LocalDate.now(clock);
        List<DueRow> soon = new ArrayList<>();
        List<DueRow> now = new ArrayList<>();
        List<DueRow> overdue = new ArrayList<>();
        List<DueRow> reopened = new ArrayList<>();
        List<ForecastRow> forecasts = new ArrayList<>();
        // which decisions have enough check-ins for a forecast: one grouped query, not one count per decision
        boolean seesAll = me.seesAllTeams();
        var enough = em.createQuery("select c.proposal.id from Checkin c where c.proposal.status in :statuses"
                + (seesAll ? "" : " and c.proposal.team.id = :team") + " group by c.proposal.id having count(c) >= :min", Long.class)
                .setParameter("statuses", List.of(ProposalStatus.APPROVED, ProposalStatus.REVIEW_DUE))
                .setParameter("min", (long) Forecast.MIN_POINTS);
        if (!seesAll) {
            enough.setParameter("team", me.teamId());
        }
        java.util.Set<Long> forecastable = new java.util.HashSet<>(enough.getResultList());
        for (Proposal p : decisionsInScope(me)) {
            if (forecastable.contains(p.id)) {
                Forecast f = forecaster.of(p);
                if (f != null && f.projected()) {
                    forecasts.add(new ForecastRow(p.id, p.title, p.team.name, f));
                }
            }
            if (p.status == ProposalStatus.APPROVED) {
                if (p.nextReviewOn != null && !p.nextReviewOn.isAfter(today.plusDays(30))) {
                    soon.add(row(p, p.nextReviewOn, ChronoUnit.DAYS.between(today, p.nextReviewOn)));
                }
                continue;
            }
            LocalDate since = p.dueSince == null ? today : p.dueSince;
            long days = ChronoUnit.DAYS.between(since, today);
            DueRow row = row(p, since, days);
            if (days >= config.revisit().overdueDays()) {
                overdue.add(row);
            } else {
                now.add(row);
            }
            if (row.reopened() && days <= 30) {
                reopened.add(row);
            }
        }
        return new Dashboard(soon, now, overdue, reopened, forecasts);
    }

    private static DueRow row(Proposal p, LocalDate date, long days) {
        return new DueRow(p.id, p.title, p.team.name, p.status, date, days, p.dueReasons);
    }

    /** One figure then and now. */
    public record Delta(String label, String then, String now, String change, boolean changed) {
    }

    /** A check-in reported after the one the page compares with. */
    public record LaterCheckin(long id, String period, long requestsPerMonth, String spend, String spendTier, List<ReopenReason> reasons) {
    }

    /** "What changed since approval": the frozen decision beside today's figures. */
    public record Changes(long proposalId, String title, ProposalStatus status, String decidedTier, String decidedOn, String basis,
            List<Delta> workload, List<Delta> costs, List<Delta> prices, List<String> rulesAdded, List<String> rulesRemoved,
            List<String> rulesKept, String recommendedThen, String recommendedNow, List<ReopenReason> dueReasons,
            String decisionStatus, String decidedOnBasis, List<LaterCheckin> later) {
    }

    @Transactional(TxType.SUPPORTS)
    public Changes changes(Proposal proposal, Review decision, String decisionStatus) {
        List<EvalResult> runs = EvalResult.ofProposal(proposal.id);
        CatalogSnapshot catalog = costing.snapshot(costing.today());
        DecisionSnapshot snapshot = decision.snapshot;
        Checkin compared = observations.reopeningCheckin(proposal.id, decision);
        Costing now;
        Costing rulesNow;
        String basis;
        Tier decided = decision.chosenTier;
        List<Delta> workload = new ArrayList<>();
        workload.add(delta("Requests per month", snapshot.requestsPerMonth(),
                compared != null ? compared.requestsPerMonth() : proposal.workload.requestsPerMonth == null ? 0 : proposal.workload.requestsPerMonth,
                false, 0.0));
        if (compared != null) {
            RevisitService.Evaluation evaluation = revisits.evaluate(proposal, decision, compared.actuals());
            now = evaluation.now();
            rulesNow = evaluation.rulesNow();
            basis = (compared.reopened ? "the check-in that re-opened it (" : "the latest check-in (") + compared.periodLabel() + ", "
                    + compared.periodStart + " to " + compared.periodEnd + ") and today's catalog";
            // Like with like: the actual spend on its tier against what the decision put on that tier.
            Tier spendTier = compared.spendTier;
            DecisionSnapshot.DecidedAnswers answers = snapshot.answers();
            boolean sameTier = answers != null && answers.spendTier() == spendTier && answers.monthlySpendUsd() != null;
            double then = sameTier ? answers.monthlySpendUsd() : snapshot.monthlyCost(spendTier);
            workload.add(delta("Spend per month on " + spendTier.label() + (sameTier ? "" : " (then: the decision's estimate)"),
                    then, compared.spendPerMonth(), true, config.revisit().costMoveShare()));
            if (!sameTier && answers != null && answers.monthlySpendUsd() != null && answers.spendTier() != null) {
                workload.add(new Delta("Spend per month on " + answers.spendTier().label() + " (before the decision)",
                        Text.usd(answers.monthlySpendUsd()), "—", "not compared: another tier", false));
            }
        } else {
            now = costing.cost(proposal, runs, catalog);
            rulesNow = now;
            basis = "the proposal as filed and today's catalog";
            Double spendNow = now.inputs().answers().currentMonthlySpendUsd();
            Double spendThen = snapshot.monthlySpendUsd();
            Tier tierThen = snapshot.answers() == null ? null : snapshot.answers().spendTier();
            if (tierThen == now.inputs().answers().incumbentTier()) {
                workload.add(delta("Spend per month on " + tierThen.label(), spendThen == null ? 0 : spendThen,
                        spendNow == null ? 0 : spendNow, true, 0.0));
            }
        }
        List<Delta> costs = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            costs.add(delta(tier.label(), snapshot.monthlyCost(tier), now.recommendation().tier(tier).monthlyCost(), true,
                    config.revisit().costMoveShare()));
        }
        List<Delta> prices = new ArrayList<>();
        for (DecisionSnapshot.CatalogValueUsed value : snapshot.catalog()) {
            Param param = Param.byKey(value.key()).orElse(null);
            if (param == null || param.group() != Param.Group.PRICE && param.group() != Param.Group.CAPACITY
                    && param.group() != Param.Group.STAFFING) {
                continue;
            }
            double then = value.value();
            double current = now.assumptions().get(param);
            if (then != current) {
                prices.add(delta(param.label() + (value.describes() == null ? "" : " (" + value.describes() + ")"), then, current,
                        false, config.revisit().priceMoveShare()));
            }
        }
        // The same comparison the re-open reasons make: the rules that fired at the decision, and now like with like.
        Set<String> rulesThen = new LinkedHashSet<>(snapshot.ruleIds().stream().map(Enum::name).toList());
        Set<String> rulesNowIds = new LinkedHashSet<>(rulesNow.recommendation().rules().stream().map(FiredRule::id).map(Enum::name)
                .toList());
        List<String> added = rulesNowIds.stream().filter(r -> !rulesThen.contains(r)).toList();
        List<String> removed = rulesThen.stream().filter(r -> !rulesNowIds.contains(r)).toList();
        List<String> kept = rulesThen.stream().filter(rulesNowIds::contains).toList();
        List<LaterCheckin> later = new ArrayList<>();
        if (compared != null) {
            for (Checkin c : Checkin.ofProposal(proposal.id)) {
                if (!c.id.equals(compared.id) && c.createdAt.isAfter(compared.createdAt) || !c.id.equals(compared.id)
                        && c.periodEnd.isAfter(compared.periodEnd)) {
                    later.add(new LaterCheckin(c.id, c.periodLabel(), c.requestsPerMonth(), Text.usd(c.spendPerMonth()),
                            c.spendTier.label(), c.reasons));
                }
            }
        }
        String decidedOnBasis = snapshot.basis() != null && snapshot.basis().observed()
                ? String.format("reaffirmed at %s requests/month (observed %s)", Text.number(snapshot.requestsPerMonth()),
                        snapshot.basis().periodLabel())
                : String.format("decided at %s requests/month (as filed)", Text.number(snapshot.requestsPerMonth()));
        return new Changes(proposal.id, proposal.title, proposal.status, decided.label(),
                decision.createdAt.toString().substring(0, 10), basis, workload, costs, prices, added, removed, kept,
                snapshot.recommendedTier().label(), now.recommendation().recommended().label(), proposal.dueReasons, decisionStatus,
                decidedOnBasis, later);
    }

    private static Delta delta(String label, double then, double now, boolean money, double threshold) {
        String a = money ? Text.usd(then) : Text.number(Math.round(then * 10000) / 10000.0);
        String b = money ? Text.usd(now) : Text.number(Math.round(now * 10000) / 10000.0);
        if (then == 0) {
            return new Delta(label, a, b, now == 0 ? "—" : "new", now != 0);
        }
        double share = (now - then) / then;
        return new Delta(label, a, b, String.format("%+.0f%%", 100 * share), Math.abs(share) > threshold && share != 0);
    }
}
