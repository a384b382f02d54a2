package org.hostingreview.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.BreakEvens;
import org.hostingreview.costmodel.CostModel;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.TierCost;

/**
 * Picks the recommended tier, as the framework says: blockers drop tiers, then the cheapest remaining tier by
 * all-in monthly cost wins, except that
 * <ol type="a">
 * <li>{@code S1}, {@code S5} or {@code X2} make self-hosting mandatory;</li>
 * <li>moving off the incumbent's tier must pay back its up-front cost from the monthly savings within 12 months
 * (6 when {@code H3} fires), otherwise the incumbent's tier stays;</li>
 * <li>when self-hosting is cheapest but {@code W1} fires, hosted-open comes first, for a quarter.</li>
 * </ol>
 *
 * <p>Decisions where the framework is silent:
 * <ul>
 * <li>Payback is judged per tier: every tier that pays back is eligible, with the incumbent's, and the cheapest
 * eligible wins. So a self-hosted plan that takes years to pay back does not keep a hosted-open move that pays
 * back in weeks from being recommended.</li>
 * <li>When self-hosting is mandatory but a blocker fires on it, self-hosting is still recommended and the
 * reasons say the blocker must be resolved before it can be approved.</li>
 * <li>When the incumbent's own tier is blocked, payback no longer applies: the cheapest unblocked tier wins.</li>
 * <li>The exceptions {@code X1}, {@code X3} and {@code X4} waive (c): for them the general advice to measure on
 * hosted-open first does not apply.</li>
 * <li>Scores: the incumbent's score applies to the incumbent's tier; the best candidate's score applies to both
 * open tiers (same weights). A score is read as the pass rate for cost per accepted result.</li>
 * </ul>
 */
public final class Recommender {

    private Recommender() {
    }

    public static Recommendation recommend(ProposalInputs p, Assumptions a) {
        Tier incumbentTier = p.answers().incumbentTier();
        Map<Tier, TierCost> costs = CostModel.costs(p.workload(), a, incumbentTier, p.answers().mlOpsEngineers());
        Score incumbent = best(p.scores(), Score.Role.INCUMBENT);
        Score candidate = best(p.scores(), Score.Role.CANDIDATE);
        List<FiredRule> rules = Rules.evaluate(p, a, costs, incumbent, candidate);
        Map<Tier, TierResult> tiers = tierResults(p, costs, rules, incumbentTier, incumbent, candidate);
        Pick pick = pick(tiers, rules, incumbentTier, a);
        Runner runner = runnerUp(tiers, pick, a);
        return new Recommendation(tiers, rules, pick.tier, pick.reasons, runner.tier, runner.gap, runner.reason,
                BreakEvens.all(p.workload(), a, p.answers().mlOpsEngineers()), spendCheck(p, costs, a), a.asOf(),
                List.of(new PlanStep(PlanStep.Stage.NOW, pick.tier, PlanStep.Gate.NONE, "now",
                        null, tiers.get(pick.tier).monthlyCost(), 0)));
    }

    private static Map<Tier, TierResult> tierResults(ProposalInputs p, Map<Tier, TierCost> costs, List<FiredRule> rules,
            Tier incumbentTier, Score incumbent, Score candidate) {
        double incumbentCost = costs.get(incumbentTier).monthlyCost();
        Map<Tier, TierResult> tiers = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            TierCost cost = costs.get(tier);
            double savings = incumbentCost - cost.monthlyCost();
            Double payback = tier == incumbentTier ? null : cost.paybackMonths(savings);
            Score score = scoreFor(tier, incumbentTier, incumbent, candidate);
            long requests = p.workload().requestsPerMonth();
            Double perAccepted = score == null || score.passRate() <= 0 || requests == 0 ? null
                    : cost.monthlyCost() / (requests * score.passRate());
            List<RuleId> blockedBy = rules.stream().map(FiredRule::id).filter(id -> id.blocks().contains(tier)).toList();
            tiers.put(tier, new TierResult(tier, cost, savings, payback, score == null ? null : score.score(), perAccepted,
                    blockedBy));
        }
        return tiers;
    }

    private static Score scoreFor(Tier tier, Tier incumbentTier, Score incumbent, Score candidate) {
        if (tier == incumbentTier && incumbent != null) {
            return incumbent;
        }
        return tier.openWeights() ? candidate : null;
    }

    private record Pick(Tier tier, List<Supplier<String>> reasons, Set<Tier> eligible) {
    }

    private static Pick pick(Map<Tier, TierResult> tiers, List<FiredRule> rules, Tier incumbentTier, Assumptions a) {
        List<Supplier<String>> reasons = new ArrayList<>();
        Set<RuleId> fired = ids(rules);
        for (FiredRule rule : rules) {
            if (rule.kind() == RuleKind.BLOCKER) {
                reasons.add(() -> String.format("%s removes %s.", rule.id(), labels(rule.id().blocks())));
            }
        }
        List<RuleId> mandatory = List.of(RuleId.S1_RESIDENCY, RuleId.S5_AIR_GAP, RuleId.X2_SOVEREIGN).stream()
                .filter(fired::contains).toList();
        if (!mandatory.isEmpty()) {
            TierResult selfHosted = tiers.get(Tier.SELF_HOSTED);
            reasons.add(0, () -> String.format("%s make%s self-hosting mandatory.", join(mandatory), mandatory.size() == 1 ? "s" : ""));
            if (selfHosted.blocked()) {
                reasons.add(() -> String.format("Resolve %s before self-hosting can be approved.", join(selfHosted.blockedBy())));
            }
            return new Pick(Tier.SELF_HOSTED, reasons, Set.of(Tier.SELF_HOSTED));
        }
        boolean broad = fired.contains(RuleId.H3_BROAD_CAPABILITIES);
        double limit = a.get(broad ? Param.PAYBACK_BROAD : Param.PAYBACK);
        boolean incumbentBlocked = tiers.get(incumbentTier).blocked();
        Set<Tier> eligible = java.util.EnumSet.noneOf(Tier.class);
        for (TierResult t : tiers.values()) {
            if (t.blocked()) {
                continue;
            }
            boolean paysBack = t.tier() == incumbentTier || incumbentBlocked
                    || (t.savingsVsIncumbent() > 0 && t.paybackMonths() != null && t.paybackMonths() <= limit);
            if (paysBack) {
                eligible.add(t.tier());
            } else if (t.savingsVsIncumbent() > 0) {
                reasons.add(() -> String.format("%s would save %s/month, but its %s up-front takes %.0f months to pay back "
                        + "(limit %s months%s), so it is not recommended.", t.tier().label(), Text.usd(t.savingsVsIncumbent()),
                        Text.usd(t.upfrontCost()), t.paybackMonths(), Text.number(limit),
                        broad ? ", because H3_BROAD_CAPABILITIES fires" : ""));
            }
        }
        TierResult cheapest = eligible.stream().map(tiers::get).min(Comparator.comparingDouble(TierResult::monthlyCost))
                .orElse(tiers.get(Tier.FRONTIER_CLOSED));
        Tier cheapestTier = cheapest.tier();
        Tier chosen = cheapestTier;
        if (cheapestTier == incumbentTier) {
            reasons.add(0, () -> String.format("%s stays: at %s/month it is the cheapest tier that is allowed and pays back.",
                    cheapestTier.label(), Text.usd(cheapest.monthlyCost())));
        } else {
            reasons.add(0, () -> String.format("%s is the cheapest tier that is allowed: %s/month, saving %s/month against %s%s.",
                    cheapestTier.label(), Text.usd(cheapest.monthlyCost()), Text.usd(cheapest.savingsVsIncumbent()),
                    incumbentTier.label(), cheapest.paybackMonths() == null ? ""
                            : String.format(", paying back its %s up-front in %.1f months", Text.usd(cheapest.upfrontCost()),
                                    cheapest.paybackMonths())));
        }
        boolean waived = fired.contains(RuleId.X1_INFRA_COMPANY) || fired.contains(RuleId.X3_MOAT_FINE_TUNE)
                || fired.contains(RuleId.X4_HYPERSCALE_SAVINGS);
        if (chosen == Tier.SELF_HOSTED && fired.contains(RuleId.W1_NOT_MEASURED) && !tiers.get(Tier.HOSTED_OPEN).blocked()) {
            if (waived) {
                reasons.add(() -> "W1_NOT_MEASURED is waived: an exception (X1/X3/X4) says the general advice does not apply.");
            } else {
                reasons.add(0, () -> "W1_NOT_MEASURED: self-hosting is cheapest, but run the workload through hosted-open for a "
                        + "quarter first, then build with a real cost target.");
                chosen = Tier.HOSTED_OPEN;
            }
        }
        List<String> favouring = rules.stream().filter(r -> r.kind() == RuleKind.FAVOURS_HOSTED || r.kind() == RuleKind.FAVOURS_SELF_HOST)
                .map(r -> r.id().name()).toList();
        if (!favouring.isEmpty()) {
            reasons.add(() -> "Also in play: " + String.join(", ", favouring) + ".");
        }
        return new Pick(chosen, reasons, eligible);
    }

    private record Runner(Tier tier, Double gap, Supplier<String> reason) {
    }

    private static Runner runnerUp(Map<Tier, TierResult> tiers, Pick pick, Assumptions a) {
        TierResult chosen = tiers.get(pick.tier());
        TierResult runner = tiers.values().stream().filter(t -> t.tier() != pick.tier())
                .min(Comparator.comparing(TierResult::blocked).thenComparingDouble(TierResult::monthlyCost)).orElse(null);
        if (runner == null) {
            return new Runner(null, null, () -> null);
        }
        double gap = runner.monthlyCost() - chosen.monthlyCost();
        Supplier<String> reason;
        if (runner.blocked()) {
            reason = () -> String.format("%s is blocked by %s.", runner.tier().label(), join(runner.blockedBy()));
        } else if (gap >= 0) {
            reason = () -> String.format("%s costs %s/month more.", runner.tier().label(), Text.usd(gap));
        } else if (!pick.eligible().contains(runner.tier())) {
            reason = () -> String.format("%s is %s/month cheaper but its %s up-front does not pay back in time.", runner.tier().label(),
                    Text.usd(-gap), Text.usd(runner.upfrontCost()));
        } else {
            reason = () -> String.format("%s is %s/month cheaper, but it comes after a quarter on hosted-open (W1_NOT_MEASURED).",
                    runner.tier().label(), Text.usd(-gap));
        }
        return new Runner(runner.tier(), gap, reason);
    }

    private static Recommendation.SpendCheck spendCheck(ProposalInputs p, Map<Tier, TierCost> costs, Assumptions a) {
        Tier tier = p.answers().incumbentTier();
        double computed = costs.get(tier).monthlyCost();
        Double stated = p.answers().currentMonthlySpendUsd();
        if (stated == null || stated == 0 || computed <= 0) {
            return new Recommendation.SpendCheck(tier, stated, computed, null, false);
        }
        double difference = (stated - computed) / computed;
        return new Recommendation.SpendCheck(tier, stated, computed, difference,
                Math.abs(difference) > a.get(Param.SPEND_MISMATCH));
    }

    private static Score best(List<Score> scores, Score.Role role) {
        return scores.stream().filter(s -> s.role() == role).max(Comparator.comparingDouble(Score::score)).orElse(null);
    }

    private static Set<RuleId> ids(List<FiredRule> rules) {
        Set<RuleId> ids = java.util.EnumSet.noneOf(RuleId.class);
        rules.forEach(rule -> ids.add(rule.id()));
        return ids;
    }

    private static String join(List<RuleId> ids) {
        return String.join(", ", ids.stream().map(Enum::name).toList());
    }

    private static String labels(Set<Tier> tiers) {
        return String.join(" and ", tiers.stream().map(Tier::label).toList());
    }
}
