package org.hostingreview.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.BreakEven;
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
 * <p>What always holds (property-tested):
 * <ul>
 * <li>The recommended tier never costs more a month than the tier the feature runs on today, unless self-hosting
 * is mandatory or today's tier is blocked; then the first reason says so, with the extra cost.</li>
 * <li>No advice contradicts a constraint: nothing sends the workload to hosted-open when hosted providers are not
 * allowed; {@code S4}/{@code S6} add a caution when the recommended tier cannot meet them.</li>
 * <li>The runner-up's explanation names the real reason it lost: a mandating rule, a blocker, payback, a quarter of
 * measurement first, or its cost.</li>
 * </ul>
 *
 * <p>Decisions where the framework is silent:
 * <ul>
 * <li>Payback is judged per tier: every tier that pays back is eligible, with the incumbent's, and the cheapest
 * eligible wins. So a self-hosted plan that takes years to pay back does not keep a hosted-open move that pays
 * back in weeks from being recommended.</li>
 * <li>When self-hosting is mandatory but a blocker fires on it, self-hosting is still recommended and the
 * reasons say the blocker must be resolved before it can be approved.</li>
 * <li>When the incumbent's own tier is blocked, payback no longer applies: the cheapest unblocked tier wins.</li>
 * <li>(c) applies only when hosted-open is allowed, unblocked, pays back and is not dearer than today's tier, and the
 * feature does not already self-host. {@code X1} and {@code X3} waive it; {@code X4} does not: at hyperscale the
 * saving is the reason to build, and measuring on hosted-open first is still the lesson (the plan shows both).</li>
 * <li>Scores: the incumbent's score applies to the incumbent's tier; the best candidate's to the other open tiers.
 * Scores on another scale or eval set than the incumbent's are never compared with it. A score is read as the
 * pass rate for cost per accepted result.</li>
 * </ul>
 */
public final class Recommender {

    private static final List<RuleId> MANDATING = List.of(RuleId.S1_RESIDENCY, RuleId.S5_AIR_GAP, RuleId.X2_SOVEREIGN);

    private Recommender() {
    }

    public static Recommendation recommend(ProposalInputs p, Assumptions a) {
        Tier incumbentTier = p.answers().incumbentTier();
        Map<Tier, TierCost> costs = CostModel.costs(p.workload(), a, incumbentTier, p.answers().mlOpsEngineers());
        Score incumbent = best(p.scores(), Score.Role.INCUMBENT, null);
        Score candidate = best(p.scores(), Score.Role.CANDIDATE, incumbent);
        List<FiredRule> rules = Rules.evaluate(p, a, costs, incumbent, candidate);
        Map<Tier, TierResult> tiers = tierResults(p, costs, rules, incumbentTier, incumbent, candidate);
        Pick pick = pick(tiers, rules, incumbentTier, a);
        if (incumbent != null && candidate == null && p.scores().stream().anyMatch(s -> s.role() == Score.Role.CANDIDATE)) {
            Score other = best(p.scores(), Score.Role.CANDIDATE, null);
            pick.reasons.add(() -> String.format("%s's score (%s, %s) is not compared with %s's (%s, %s): they are on another "
                    + "scale or eval set.", other.model(), other.formatted(), other.scaleLabel(), incumbent.model(),
                    incumbent.formatted(), incumbent.scaleLabel()));
        }
        Runner runner = runnerUp(tiers, pick);
        List<BreakEven> breakEvens = BreakEvens.all(p.workload(), a, p.answers().mlOpsEngineers());
        List<PlanStep> plan = Plans.plan(p, a, tiers, rules, pick.tier, pick.lost);
        return new Recommendation(tiers, rules, pick.tier, pick.reasons, runner.tier, runner.gap, runner.reason, breakEvens,
                spendCheck(p, costs, a), a.asOf(), plan, pick.cautions);
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
            List<RuleId> blockedBy = rules.stream().filter(rule -> rule.blocks().contains(tier)).map(FiredRule::id).toList();
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

    /** Why a tier other than the recommended one was not recommended. */
    enum Loss {
        MANDATE, BLOCKED, PAYBACK, MEASURE_FIRST, DEARER
    }

    private record Pick(Tier tier, List<Supplier<String>> reasons, Map<Tier, Loss> lost, List<RuleId> mandating, double limit,
            List<String> cautions) {
    }

    private static Pick pick(Map<Tier, TierResult> tiers, List<FiredRule> rules, Tier incumbentTier, Assumptions a) {
        List<Supplier<String>> reasons = new ArrayList<>();
        Set<RuleId> fired = ids(rules);
        TierResult today = tiers.get(incumbentTier);
        boolean broad = fired.contains(RuleId.H3_BROAD_CAPABILITIES);
        double limit = a.get(broad ? Param.PAYBACK_BROAD : Param.PAYBACK);
        Map<Tier, Loss> lost = new EnumMap<>(Tier.class);
        List<RuleId> mandating = MANDATING.stream().filter(fired::contains).toList();
        for (FiredRule rule : rules) {
            if (rule.kind() == RuleKind.BLOCKER && !rule.blocks().isEmpty()) {
                reasons.add(() -> String.format("%s removes %s.", rule.id(), labels(rule.blocks())));
            }
        }
        Tier chosen;
        if (!mandating.isEmpty()) {
            chosen = Tier.SELF_HOSTED;
            TierResult selfHosted = tiers.get(Tier.SELF_HOSTED);
            double extra = selfHosted.monthlyCost() - today.monthlyCost();
            reasons.add(0, () -> String.format("%s make%s self-hosting mandatory%s.", join(mandating), mandating.size() == 1 ? "s" : "",
                    incumbentTier == Tier.SELF_HOSTED || extra <= 0 ? ""
                            : String.format(": it costs %s/month more than %s, the tier the feature runs on today", Text.usd(extra),
                                    incumbentTier.label())));
            if (selfHosted.blocked()) {
                reasons.add(() -> String.format("Resolve %s before self-hosting can be approved.", join(selfHosted.blockedBy())));
            }
            for (Tier tier : Tier.values()) {
                if (tier != chosen) {
                    lost.put(tier, Loss.MANDATE);
                }
            }
            return new Pick(chosen, reasons, lost, mandating, limit, cautions(fired, chosen, rules));
        }
        boolean todayBlocked = today.blocked();
        Set<Tier> eligible = EnumSet.noneOf(Tier.class);
        for (TierResult t : tiers.values()) {
            if (t.blocked()) {
                lost.put(t.tier(), Loss.BLOCKED);
            } else if (t.tier() == incumbentTier || todayBlocked
                    || (t.savingsVsIncumbent() > 0 && t.paybackMonths() != null && t.paybackMonths() <= limit)) {
                eligible.add(t.tier());
            } else if (t.savingsVsIncumbent() > 0) {
                lost.put(t.tier(), Loss.PAYBACK);
            } else {
                lost.put(t.tier(), Loss.DEARER);
            }
        }
        // the frontier tier is never blocked, so there is always an eligible tier
        TierResult cheapest = eligible.stream().map(tiers::get).min(Comparator.comparingDouble(TierResult::monthlyCost)).orElseThrow();
        chosen = cheapest.tier();
        if (todayBlocked && chosen != incumbentTier) {
            double extra = cheapest.monthlyCost() - today.monthlyCost();
            reasons.add(0, () -> String.format("Today's tier, %s, is blocked by %s; the cheapest allowed tier, %s, costs %s/month %s.",
                    incumbentTier.label(), join(today.blockedBy()), cheapest.tier().label(), Text.usd(Math.abs(extra)),
                    extra > 0 ? "more" : "less"));
        } else if (chosen == incumbentTier) {
            reasons.add(0, () -> String.format("%s stays: at %s/month it is the cheapest tier that is allowed and pays back.",
                    incumbentTier.label(), Text.usd(cheapest.monthlyCost())));
        } else {
            reasons.add(0, () -> String.format("%s is the cheapest tier that is allowed: %s/month, saving %s/month against %s%s.",
                    cheapest.tier().label(), Text.usd(cheapest.monthlyCost()), Text.usd(cheapest.savingsVsIncumbent()),
                    incumbentTier.label(), cheapest.paybackMonths() == null ? ""
                            : String.format(", paying back its %s up-front in %s", Text.usd(cheapest.upfrontCost()),
                                    Text.duration(cheapest.paybackMonths()))));
        }
        if (chosen == Tier.SELF_HOSTED && fired.contains(RuleId.W1_NOT_MEASURED)) {
            TierResult open = tiers.get(Tier.HOSTED_OPEN);
            boolean waived = fired.contains(RuleId.X1_INFRA_COMPANY) || fired.contains(RuleId.X3_MOAT_FINE_TUNE);
            if (waived) {
                reasons.add(() -> "W1_NOT_MEASURED is waived: an exception (X1/X3) says the general advice does not apply.");
            } else if (incumbentTier != Tier.SELF_HOSTED && eligible.contains(Tier.HOSTED_OPEN)
                    && open.monthlyCost() <= today.monthlyCost()) {
                // one sentence, so the box never states "self-hosting is the cheapest allowed tier" above a hosted-open answer
                TierResult selfHosted = tiers.get(Tier.SELF_HOSTED);
                reasons.set(0, () -> String.format("W1_NOT_MEASURED: self-hosting is cheapest (%s/month, saving %s/month against "
                        + "%s), but run the workload through hosted-open for a quarter first (%s/month), then build with a real cost "
                        + "target.", Text.usd(selfHosted.monthlyCost()), Text.usd(selfHosted.savingsVsIncumbent()), incumbentTier.label(),
                        Text.usd(open.monthlyCost())));
                lost.put(Tier.SELF_HOSTED, Loss.MEASURE_FIRST);
                lost.remove(Tier.HOSTED_OPEN);
                chosen = Tier.HOSTED_OPEN;
            } else {
                String why = incumbentTier == Tier.SELF_HOSTED ? "the feature already self-hosts"
                        : open.blocked() ? "hosted-open is blocked by " + join(open.blockedBy())
                        : open.monthlyCost() > today.monthlyCost() ? String.format("hosted-open (%s/month) costs more than %s today",
                                Text.usd(open.monthlyCost()), incumbentTier.label())
                        : "moving to hosted-open does not pay back in time";
                reasons.add(() -> "W1_NOT_MEASURED does not move the recommendation to hosted-open first: " + why + ".");
            }
        }
        Tier recommended = chosen;
        double chosenCost = tiers.get(recommended).monthlyCost();
        for (TierResult t : tiers.values()) {
            // payback wording only where payback decided it: a tier cheaper than the one recommended
            if (lost.get(t.tier()) == Loss.PAYBACK && t.monthlyCost() < chosenCost) {
                reasons.add(() -> String.format("%s would save %s/month, but its %s up-front takes %s to pay back "
                        + "(limit %s%s), so it is not recommended.", t.tier().label(), Text.usd(t.savingsVsIncumbent()),
                        Text.usd(t.upfrontCost()), Text.duration(t.paybackMonths()), Text.months(limit),
                        broad ? ", because H3_BROAD_CAPABILITIES fires" : ""));
            } else if (lost.get(t.tier()) == Loss.PAYBACK) {
                lost.put(t.tier(), Loss.DEARER);
            }
        }
        for (Tier tier : eligible) {
            if (tier != recommended && !lost.containsKey(tier)) {
                lost.put(tier, Loss.DEARER);
            }
        }
        List<String> favouring = rules.stream().filter(r -> r.kind() == RuleKind.FAVOURS_HOSTED || r.kind() == RuleKind.FAVOURS_SELF_HOST)
                .map(r -> r.id().name()).toList();
        List<String> selfHostReasons = rules.stream().map(FiredRule::id)
                .filter(id -> id == RuleId.S2_HYPERSCALE || id == RuleId.X4_HYPERSCALE_SAVINGS).map(Enum::name).toList();
        if (recommended != Tier.SELF_HOSTED && !selfHostReasons.isEmpty()) {
            String why = lost.get(Tier.SELF_HOSTED) == Loss.MEASURE_FIRST ? "hosted-open comes first, for a quarter of measurement"
                    : lost.get(Tier.SELF_HOSTED) == Loss.BLOCKED ? "self-hosting is blocked"
                            : lost.get(Tier.SELF_HOSTED) == Loss.PAYBACK ? "self-hosting does not pay back in time"
                                    : "the cheapest allowed tier wins";
            reasons.add(() -> String.format("%s favour%s self-hosting, but %s: %s a reason to plan self-hosting, shown in the plan.",
                    String.join(" and ", selfHostReasons), selfHostReasons.size() == 1 ? "s" : "", why,
                    selfHostReasons.size() == 1 ? "it is" : "they are"));
        }
        if (!favouring.isEmpty()) {
            reasons.add(() -> "Also in play: " + String.join(", ", favouring) + ".");
        }
        return new Pick(recommended, reasons, lost, mandating, limit, cautions(fired, recommended, rules));
    }

    /** Constraints the recommended tier cannot meet: shown as cautions, never silently. */
    private static List<String> cautions(Set<RuleId> fired, Tier chosen, List<FiredRule> rules) {
        List<String> cautions = new ArrayList<>();
        if (fired.contains(RuleId.S4_LATENCY_FLOOR) && chosen == Tier.FRONTIER_CLOSED) {
            cautions.add("S4_LATENCY_FLOOR: the recommended frontier API cannot reliably meet the time-to-first-token target; "
                    + "a fast hosted-open provider or self-hosting can. Measure the latency before approving.");
        }
        if (fired.contains(RuleId.S6_REPRODUCIBILITY) && chosen == Tier.FRONTIER_CLOSED) {
            cautions.add("S6_REPRODUCIBILITY: a frontier API can update its model silently, which this feature cannot accept; "
                    + "pin a dated model version and re-run the eval on every change, or choose open weights.");
        }
        if (fired.contains(RuleId.S6_REPRODUCIBILITY) && chosen == Tier.HOSTED_OPEN) {
            cautions.add("S6_REPRODUCIBILITY: open weights do not change, but a provider can change how it serves them "
                    + "(quantisation, stack); get the model version and precision pinned in the provider's terms.");
        }
        return cautions;
    }

    private record Runner(Tier tier, Double gap, Supplier<String> reason) {
    }

    private static Runner runnerUp(Map<Tier, TierResult> tiers, Pick pick) {
        TierResult chosen = tiers.get(pick.tier());
        TierResult runner = tiers.values().stream().filter(t -> t.tier() != pick.tier())
                .min(Comparator.comparing(TierResult::blocked).thenComparingDouble(TierResult::monthlyCost)).orElse(null);
        if (runner == null) {
            return new Runner(null, null, () -> null);
        }
        double gap = runner.monthlyCost() - chosen.monthlyCost();
        Supplier<String> money = () -> gap >= 0 ? Text.usd(gap) + "/month dearer" : Text.usd(-gap) + "/month cheaper";
        Supplier<String> reason = switch (pick.lost().get(runner.tier())) {
            case MANDATE -> () -> gap < 0
                    ? String.format("%s is %s, but %s make%s self-hosting mandatory.", runner.tier().label(), money.get(),
                            join(pick.mandating()), pick.mandating().size() == 1 ? "s" : "")
                    : String.format("%s costs %s/month more, and %s make%s self-hosting mandatory anyway.", runner.tier().label(),
                            Text.usd(gap), join(pick.mandating()), pick.mandating().size() == 1 ? "s" : "");
            case BLOCKED -> () -> String.format("%s is blocked by %s.", runner.tier().label(), join(runner.blockedBy()));
            case PAYBACK -> () -> String.format("%s is %s but its %s up-front does not pay back in time: it takes %s (limit %s).",
                    runner.tier().label(), money.get(), Text.usd(runner.upfrontCost()), Text.duration(runner.paybackMonths()),
                    Text.months(pick.limit()));
            case MEASURE_FIRST -> () -> String.format("%s is %s, but it comes after a quarter on hosted-open (W1_NOT_MEASURED).",
                    runner.tier().label(), money.get());
            case DEARER -> () -> String.format("%s costs %s/month more.", runner.tier().label(), Text.usd(gap));
        };
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

    /** The best score of a role; for candidates, among those comparable with {@code comparableWith} when given. */
    private static Score best(List<Score> scores, Score.Role role, Score comparableWith) {
        return scores.stream().filter(s -> s.role() == role).filter(s -> comparableWith == null || s.comparableWith(comparableWith))
                .max(Comparator.comparingDouble(Score::passRate)).orElse(null);
    }

    private static Set<RuleId> ids(List<FiredRule> rules) {
        Set<RuleId> ids = EnumSet.noneOf(RuleId.class);
        rules.forEach(rule -> ids.add(rule.id()));
        return ids;
    }

    static String join(List<RuleId> ids) {
        return String.join(", ", ids.stream().map(Enum::name).toList());
    }

    private static String labels(Set<Tier> tiers) {
        return String.join(" and ", tiers.stream().map(Tier::label).toList());
    }
}
