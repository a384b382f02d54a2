package org.hostingreview.revisit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.account.Role;
import org.hostingreview.account.SignedInUser;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.pricing.CostingService;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.recommendation.FiredRule;
import org.hostingreview.review.Review;
import org.hostingreview.system.HostingReviewConfig;

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
    HostingReviewConfig config;

    @Inject
    Clock clock;

    /** A decision on the dashboard. */
    public record DueRow(long id, String title, String team, ProposalStatus status, LocalDate date, long days, List<String> reasons) {

        /** Re-opened by a check-in or a price, rather than by its review date alone. */
        public boolean reopened() {
            return reasons.stream().anyMatch(r -> !r.equals(RevisitService.SCHEDULED));
        }
    }

    /** The dashboard's four lists. */
    public record Dashboard(List<DueRow> dueSoon, List<DueRow> dueNow, List<DueRow> overdue, List<DueRow> reopened) {

        public boolean empty() {
            return dueSoon.isEmpty() && dueNow.isEmpty() && overdue.isEmpty() && reopened.isEmpty();
        }
    }

    /** Reviewers and admins see every team's decisions; everyone else their own team's. */
    public boolean seesAll(SignedInUser me) {
        return me.roles().contains(Role.REVIEWER) || me.roles().contains(Role.ADMIN);
    }

    /** Approved decisions and decisions due for review in the user's scope, by review date. */
    @Transactional(TxType.SUPPORTS)
    public List<Proposal> decisionsInScope(SignedInUser me) {
        boolean seesAll = seesAll(me);
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
        for (Proposal p : decisionsInScope(me)) {
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
        return new Dashboard(soon, now, overdue, reopened);
    }

    private static DueRow row(Proposal p, LocalDate date, long days) {
        return new DueRow(p.id, p.title, p.team.name, p.status, date, days, p.dueReasons);
    }

    /** One figure then and now. */
    public record Delta(String label, String then, String now, String change, boolean changed) {
    }

    /** "What changed since approval": the frozen decision beside today's figures. */
    public record Changes(long proposalId, String title, ProposalStatus status, String decidedTier, String decidedOn, String basis,
            List<Delta> workload, List<Delta> costs, List<Delta> prices, List<String> rulesAdded, List<String> rulesRemoved,
            List<String> rulesKept, String recommendedThen, String recommendedNow, List<String> dueReasons) {
    }

    @SuppressWarnings("unchecked")
    @Transactional(TxType.SUPPORTS)
    public Changes changes(Proposal proposal, Review decision) {
        List<EvalResult> runs = EvalResult.ofProposal(proposal.id);
        CatalogSnapshot catalog = costing.snapshot(costing.today());
        List<Checkin> checkins = Checkin.ofProposal(proposal.id);
        Map<String, Object> snapshot = decision.snapshot;
        Map<String, Object> frozenCosts = (Map<String, Object>) snapshot.get("monthlyCost");
        Costing now;
        String basis;
        double spendNow;
        if (!checkins.isEmpty()) {
            Checkin c = checkins.get(0);
            Actuals actuals = new Actuals(c.periodStart, c.periodEnd, c.requests, c.inputTokensPerRequest, c.outputTokensPerRequest,
                    c.spendUsd, c.spendTier, c.observedQuality, c.incidents, c.notes);
            now = revisits.evaluate(proposal, decision, actuals).now();
            basis = "the latest check-in (" + c.periodStart + " to " + c.periodEnd + ") and today's catalog";
            spendNow = actuals.spendPerMonth();
        } else {
            now = costing.cost(proposal, runs, catalog);
            basis = "the proposal as filed and today's catalog";
            spendNow = now.inputs().answers().currentMonthlySpendUsd() == null ? 0 : now.inputs().answers().currentMonthlySpendUsd();
        }
        long volumeThen = ((Number) snapshot.get("requestsPerMonth")).longValue();
        long volumeNow = now.inputs().workload().requestsPerMonth();
        Map<String, Object> answers = (Map<String, Object>) ((Map<String, Object>) snapshot.get("proposal")).get("answers");
        Object spendThenRaw = answers.get("currentMonthlySpendUsd");
        double spendThen = spendThenRaw == null ? 0 : Double.parseDouble(spendThenRaw.toString());
        List<Delta> workload = List.of(
                delta("Requests per month", volumeThen, volumeNow, false, 0.0),
                delta("Spend per month", spendThen, spendNow, true, 0.0));
        List<Delta> costs = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            double then = ((Number) frozenCosts.get(tier.name())).doubleValue();
            costs.add(delta(tier.label(), then, now.recommendation().tier(tier).monthlyCost(), true,
                    config.revisit().costMoveShare()));
        }
        List<Delta> prices = new ArrayList<>();
        for (Map<String, Object> value : (List<Map<String, Object>>) snapshot.get("catalog")) {
            Param param = Param.byKey(String.valueOf(value.get("param"))).orElse(null);
            if (param == null || param.group() != Param.Group.PRICE && param.group() != Param.Group.CAPACITY
                    && param.group() != Param.Group.STAFFING) {
                continue;
            }
            double then = ((Number) value.get("value")).doubleValue();
            double current = now.assumptions().get(param);
            Delta d = delta(param.label() + (value.get("describes") == null ? "" : " (" + value.get("describes") + ")"), then, current,
                    false, config.revisit().priceMoveShare());
            if (then != current) {
                prices.add(d);
            }
        }
        Set<String> rulesThen = new LinkedHashSet<>((List<String>) snapshot.get("rules"));
        Set<String> rulesNow = new LinkedHashSet<>(now.recommendation().rules().stream().map(FiredRule::id).map(Enum::name).toList());
        List<String> added = rulesNow.stream().filter(r -> !rulesThen.contains(r)).toList();
        List<String> removed = rulesThen.stream().filter(r -> !rulesNow.contains(r)).toList();
        List<String> kept = rulesThen.stream().filter(rulesNow::contains).toList();
        return new Changes(proposal.id, proposal.title, proposal.status, decision.chosenTier.label(),
                decision.createdAt.toString().substring(0, 10), basis, workload, costs, prices, added, removed, kept,
                Tier.valueOf(String.valueOf(snapshot.get("recommendedTier"))).label(), now.recommendation().recommended().label(),
                proposal.dueReasons);
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
