package org.hostingreview.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.BreakEvens;
import org.hostingreview.costmodel.CostModel;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.Workload;
import org.hostingreview.recommendation.PlanStep.Gate;
import org.hostingreview.recommendation.PlanStep.Stage;
import org.hostingreview.recommendation.Recommender.Loss;

/**
 * The phased plan, the framework's lesson made concrete: "hosted-open is almost always the right intermediate step;
 * self-host is the destination". At most three steps: where the feature runs now (the recommendation), a next
 * tier when a cheaper one is held back only by a gate (eval parity, payback at a higher volume), and self-hosting as
 * the destination when it pays somewhere up to 100× today's volume, with every gate that opens it: the volume where
 * the all-in costs cross, a quarter of measurement on hosted-open, a blocker resolved, the hires it needs.
 */
final class Plans {

    private static final double WEEKS_PER_MONTH = 52.0 / 12;

    private Plans() {
    }

    static List<PlanStep> plan(ProposalInputs p, Assumptions a, Map<Tier, TierResult> tiers, List<FiredRule> rules, Tier chosen,
            Map<Tier, Loss> lost) {
        Tier today = p.answers().incumbentTier();
        List<PlanStep> steps = new ArrayList<>();
        TierResult now = tiers.get(chosen);
        String nowText = chosen == today ? "Stay on " + chosen.label() + "."
                : String.format("Move now: about %s to first production traffic.", weeks(migrationWeeks(chosen, a)));
        if (now.blocked()) {
            nowText += " Resolve " + Recommender.join(now.blockedBy()) + " before it can be approved.";
        }
        steps.add(new PlanStep(Stage.NOW, chosen, now.blocked() ? Gate.UNBLOCK : Gate.NONE, nowText, null, now.monthlyCost(),
                chosen == today ? 0 : migrationWeeks(chosen, a)));
        if (chosen == Tier.SELF_HOSTED || lost.get(Tier.SELF_HOSTED) == Loss.MANDATE) {
            return steps;
        }
        if (chosen == Tier.FRONTIER_CLOSED) {
            nextHostedOpen(p, a, tiers, rules, lost, today).ifPresent(steps::add);
        }
        // self-hosting has to beat the cheaper per-token tier the feature could run on, whichever step comes before it
        TierResult open = tiers.get(Tier.HOSTED_OPEN);
        Tier rival = !open.blocked() && open.monthlyCost() <= tiers.get(Tier.FRONTIER_CLOSED).monthlyCost() ? Tier.HOSTED_OPEN
                : Tier.FRONTIER_CLOSED;
        destination(p, a, tiers, rules, lost, rival, today).ifPresent(steps::add);
        return List.copyOf(steps);
    }

    /** Hosted-open after a frontier "now": held back by B3 until eval parity, or by payback until a higher volume. */
    private static Optional<PlanStep> nextHostedOpen(ProposalInputs p, Assumptions a, Map<Tier, TierResult> tiers,
            List<FiredRule> rules, Map<Tier, Loss> lost, Tier today) {
        TierResult open = tiers.get(Tier.HOSTED_OPEN);
        Loss why = lost.get(Tier.HOSTED_OPEN);
        if (why == Loss.BLOCKED && open.blockedBy().contains(RuleId.B3_QUALITY_DROP)
                && open.monthlyCost() < tiers.get(Tier.FRONTIER_CLOSED).monthlyCost()) {
            return Optional.of(new PlanStep(Stage.NEXT, Tier.HOSTED_OPEN, Gate.EVAL_PARITY, String.format(
                    "When an open candidate scores within %.0f%% of the incumbent (B3_QUALITY_DROP): %s/month, about %s to move.",
                    100 * a.get(Param.QUALITY_DROP), Text.usd(open.monthlyCost()), weeks(migrationWeeks(Tier.HOSTED_OPEN, a))),
                    null, open.monthlyCost(), migrationWeeks(Tier.HOSTED_OPEN, a)));
        }
        if (why == Loss.PAYBACK && today.perToken()) {
            Optional<Double> at = paybackVolume(p, a, Tier.HOSTED_OPEN, today, rules);
            if (at.isPresent()) {
                Workload there = p.workload().scaled(at.get());
                double cost = CostModel.monthly(Tier.HOSTED_OPEN, there, a, p.answers().mlOpsEngineers());
                return Optional.of(new PlanStep(Stage.NEXT, Tier.HOSTED_OPEN, Gate.VOLUME, String.format(
                        "From %,d requests/month, where its %s up-front pays back in time: %s/month there.",
                        there.requestsPerMonth(), Text.usd(open.upfrontCost()), Text.usd(cost)),
                        there.requestsPerMonth(), cost, migrationWeeks(Tier.HOSTED_OPEN, a)));
            }
        }
        return Optional.empty();
    }

    /** Self-hosting as the destination, with every gate that opens it; empty when it pays nowhere up to 100×. */
    private static Optional<PlanStep> destination(ProposalInputs p, Assumptions a, Map<Tier, TierResult> tiers,
            List<FiredRule> rules, Map<Tier, Loss> lost, Tier previous, Tier today) {
        TierResult selfHosted = tiers.get(Tier.SELF_HOSTED);
        Integer mlOps = p.answers().mlOpsEngineers();
        Optional<BreakEvens.Crossover> crossover = BreakEvens.selfHostingCheaperFrom(previous, p.workload(), a, mlOps, 1);
        if (crossover.isEmpty()) {
            return Optional.empty();
        }
        List<String> gates = new ArrayList<>();
        Gate gate = null;
        Long from = null;
        double cost = selfHosted.monthlyCost();
        double multiple = crossover.get().multiple();
        if (lost.get(Tier.SELF_HOSTED) == Loss.PAYBACK && multiple <= 1 && today.perToken()) {
            Optional<Double> at = paybackVolume(p, a, Tier.SELF_HOSTED, previous, rules);
            if (at.isEmpty()) {
                return Optional.empty();
            }
            multiple = at.get();
            Workload there = p.workload().scaled(multiple);
            from = there.requestsPerMonth();
            cost = CostModel.monthly(Tier.SELF_HOSTED, there, a, mlOps);
            gate = Gate.VOLUME;
            gates.add(String.format("from %,d requests/month, where its %s up-front pays back in time", from,
                    Text.usd(selfHosted.upfrontCost())));
        } else if (multiple > 1) {
            Workload there = p.workload().scaled(multiple);
            from = there.requestsPerMonth();
            cost = CostModel.monthly(Tier.SELF_HOSTED, there, a, mlOps);
            gate = Gate.VOLUME;
            gates.add(String.format("from %,d requests/month (%s× today), where its all-in cost crosses %s%s", from,
                    BreakEvens.multiple(multiple), previous.label(), crossover.get().stays() ? ""
                            : String.format(" (cheaper only up to %s× on the GPU staircase)", BreakEvens.multiple(crossover.get().until()))));
        }
        if (lost.get(Tier.SELF_HOSTED) == Loss.MEASURE_FIRST) {
            gate = gate == null ? Gate.MEASURED_QUARTER : gate;
            gates.add("after a quarter of measured cost and quality on hosted-open (W1_NOT_MEASURED)");
        }
        for (RuleId blocker : selfHosted.blockedBy()) {
            Gate kind = blocker == RuleId.B3_QUALITY_DROP ? Gate.EVAL_PARITY : Gate.UNBLOCK;
            gate = gate == null ? kind : gate;
            gates.add(switch (blocker) {
                case B1_NO_EVAL -> "once an eval set scores the open candidate (B1_NO_EVAL)";
                case B2_SINGLE_GPU -> "once the plan has failover: two replicas, one spare (B2_SINGLE_GPU)";
                case B3_QUALITY_DROP -> String.format("once an open candidate scores within %.0f%% of the incumbent (B3_QUALITY_DROP)",
                        100 * a.get(Param.QUALITY_DROP));
                default -> "once " + blocker.name() + " is resolved";
            });
        }
        int existing = mlOps == null ? 0 : mlOps;
        double required = CostModel.requiredFtes(a, selfHosted.cost().capacity().gpus());
        long hires = Rules.hires(required, existing);
        if (hires > 0) {
            gate = gate == null ? Gate.HIRE : gate;
            gates.add(String.format("once %d ML-ops %s hired (W3_HIRING_REQUIRED)", hires, hires == 1 ? "engineer is" : "engineers are"));
        }
        if (gate == null) {
            return Optional.empty();
        }
        double weeks = migrationWeeks(Tier.SELF_HOSTED, a);
        String text = String.format("Self-host %s: %s/month there, about %s to build.", String.join("; ", gates), Text.usd(cost),
                weeks(weeks));
        return Optional.of(new PlanStep(Stage.DESTINATION, Tier.SELF_HOSTED, gate, text, from, cost, weeks));
    }

    /**
     * The smallest volume from today's on (up to 100×) at which moving from {@code from} to {@code tier} pays back within
     * the limit, payback counted as the engine counts it ({@link org.hostingreview.costmodel.TierCost#paybackMonths}):
     * months to first traffic, then up-front and double running recovered from the savings. So the savings needed are
     * (up-front + double running) ÷ (limit − months to traffic): linear between per-token tiers, the staircase search
     * for self-hosting, settled on the costs at the volume found (double running grows with the fleet).
     */
    private static Optional<Double> paybackVolume(ProposalInputs p, Assumptions a, Tier tier, Tier from, List<FiredRule> rules) {
        boolean broad = rules.stream().anyMatch(r -> r.id() == RuleId.H3_BROAD_CAPABILITIES);
        double limit = a.get(broad ? Param.PAYBACK_BROAD : Param.PAYBACK);
        Integer mlOps = p.answers().mlOpsEngineers();
        double m = 1;
        double nudge = 1e-6;
        for (int round = 0; round < 12 && m <= BreakEvens.MAX_MULTIPLE; round++) {
            Workload there = p.workload().scaled(m);
            org.hostingreview.costmodel.TierCost target = CostModel.costs(there, a, p.answers().incumbentTier(), mlOps).get(tier);
            double savings = CostModel.monthly(from, there, a, mlOps) - target.monthlyCost();
            Double payback = target.paybackMonths(savings);
            if (payback != null && payback <= limit) {
                return Optional.of(m);
            }
            double window = limit - target.monthsToTraffic();
            if (!(window > 0)) {
                return Optional.empty();
            }
            double needed = (target.upfrontCost() + target.doubleRunningCost()) / window;
            Optional<Double> next;
            if (tier == Tier.SELF_HOSTED) {
                next = BreakEvens.selfHostingSavesFrom(from, p.workload(), a, mlOps, m, needed).map(BreakEvens.Crossover::multiple);
            } else {
                double perMultiple = CostModel.monthly(from, p.workload(), a, mlOps) - CostModel.monthly(tier, p.workload(), a, mlOps);
                next = perMultiple > 0 ? Optional.of(Math.max(m, needed / perMultiple * (1 + 1e-9))) : Optional.empty();
            }
            if (next.isEmpty() || next.get() > BreakEvens.MAX_MULTIPLE) {
                return Optional.empty();
            }
            // volumes are whole requests: when rounding keeps the found volume a hair short, step just past it
            if (round > 0 && next.get() <= m * (1 + 1e-12)) {
                m *= 1 + nudge;
                nudge *= 10;
            } else {
                m = next.get();
            }
        }
        return Optional.empty();
    }

    private static double migrationWeeks(Tier tier, Assumptions a) {
        return tier == Tier.SELF_HOSTED ? Math.round(a.get(Param.BUILD_CALENDAR) * WEEKS_PER_MONTH) : a.get(Param.MIGRATION_WEEKS);
    }

    private static String weeks(double weeks) {
        return Text.number(weeks) + (weeks == 1 ? " week" : " weeks");
    }
}
