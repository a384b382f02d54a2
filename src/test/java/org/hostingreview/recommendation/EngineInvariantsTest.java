package org.hostingreview.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.recommendation.Generated.Case;

/**
 * The engine's invariants over 10,000 generated proposals each (see {@link Generated}): a reviewer can trust every
 * sentence, because no sentence the engine writes contradicts its own figures or the proposal's constraints.
 */
class EngineInvariantsTest {

    private static final int TRIES = 10_000;

    @Provide
    Arbitrary<Case> proposals() {
        return Generated.cases();
    }

    private static Recommendation recommend(Case c) {
        return Recommender.recommend(c.inputs(), c.assumptions());
    }

    private static boolean mandated(Recommendation r) {
        return r.fires(RuleId.S1_RESIDENCY) || r.fires(RuleId.S5_AIR_GAP) || r.fires(RuleId.X2_SOVEREIGN);
    }

    /** Invariant 1: never a dearer move without saying so. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(onFailureOnly = false)
    void neverADearerMoveWithoutSayingSo(@ForAll("proposals") Case c) {
        Recommendation r = recommend(c);
        Tier today = c.inputs().answers().incumbentTier();
        double extra = r.tier(r.recommended()).monthlyCost() - r.tier(today).monthlyCost();
        boolean todayBlocked = r.tier(today).blocked();
        boolean dearer = extra > 1e-6 * Math.max(1, r.tier(today).monthlyCost());
        Statistics.label("move").collect(!dearer ? "not dearer" : mandated(r) ? "dearer, mandated" : "dearer, today blocked");
        Statistics.label("move").coverage(checker -> {
            checker.check("dearer, mandated").count(n -> n >= 100);
            checker.check("dearer, today blocked").count(n -> n >= 3);
        });
        if (!dearer) {
            return;
        }
        assertThat(mandated(r) || todayBlocked).as("a dearer move needs a mandate or a blocked tier today").isTrue();
        String first = r.reasons().get(0);
        assertThat(first).contains(Text.usd(extra) + "/month more");
        if (mandated(r)) {
            assertThat(first).contains("mandatory");
        } else {
            assertThat(first).startsWith("Today's tier, " + today.label() + ", is blocked by");
        }
    }

    /** Today's tier blocked (a self-hosted feature without an eval): the move off it says what it costs. */
    @Provide
    Arbitrary<Case> selfHostedWithoutAnEval() {
        return Generated.cases().map(c -> {
            Answers a = c.inputs().answers();
            Answers noEval = new Answers(a.currentMonthlySpendUsd(), a.mlOpsEngineers(), a.hiresPlanned(), a.hostedOpenMonthsRun(),
                    a.upgradeOwner(), null, a.selfHostEstimateUsd(), Tier.SELF_HOSTED, a.selfHostPlannedReplicas());
            ProposalInputs p = c.inputs();
            return new Case(new ProposalInputs(p.workload(), noEval, p.constraints(), p.scores()), c.assumptions());
        });
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void whenTodaysTierIsBlockedTheFirstReasonSaysSoWithTheExtraCost(@ForAll("selfHostedWithoutAnEval") Case c) {
        Recommendation r = recommend(c);
        assertThat(r.tier(Tier.SELF_HOSTED).blockedBy()).contains(RuleId.B1_NO_EVAL);
        if (mandated(r)) {
            return;
        }
        assertThat(r.recommended()).isNotEqualTo(Tier.SELF_HOSTED);
        double extra = r.tier(r.recommended()).monthlyCost() - r.tier(Tier.SELF_HOSTED).monthlyCost();
        Statistics.collect(extra > 0 ? "dearer" : "cheaper");
        Statistics.coverage(checker -> checker.check("dearer").count(n -> n >= 30));
        assertThat(r.reasons().get(0)).startsWith("Today's tier, Self-hosted open weights, is blocked by B1_NO_EVAL")
                .contains(Text.usd(Math.abs(extra)) + "/month " + (extra > 0 ? "more" : "less"));
    }

    /** Invariant 2: no advice sends the workload where a constraint forbids; unmet S4/S6 are cautions. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void adviceNeverContradictsAConstraint(@ForAll("proposals") Case c) {
        Recommendation r = recommend(c);
        if (mandated(r)) {
            assertThat(r.recommended()).isEqualTo(Tier.SELF_HOSTED);
            assertThat(r.fires(RuleId.W1_NOT_MEASURED)).isFalse();
            assertThat(everySentence(r)).noneMatch(s -> s.contains("through hosted-open"));
            assertThat(r.plan()).extracting(PlanStep::tier).containsOnly(Tier.SELF_HOSTED);
        }
        if (r.fires(RuleId.S4_LATENCY_FLOOR) && r.recommended() == Tier.FRONTIER_CLOSED) {
            assertThat(r.cautions()).anyMatch(s -> s.startsWith("S4_LATENCY_FLOOR"));
        }
        if (r.fires(RuleId.S6_REPRODUCIBILITY) && r.recommended() != Tier.SELF_HOSTED) {
            assertThat(r.cautions()).anyMatch(s -> s.startsWith("S6_REPRODUCIBILITY"));
        }
        if (c.inputs().answers().incumbentTier() != Tier.FRONTIER_CLOSED) {
            assertThat(r.fires(RuleId.W1_NOT_MEASURED)).as("a feature on hosted-open or self-hosted has nothing to measure first")
                    .isFalse();
        }
        if (c.inputs().answers().hostedOpenMonthsRun() == null) {
            assertThat(r.rules()).filteredOn(rule -> rule.id() == RuleId.W1_NOT_MEASURED)
                    .allSatisfy(rule -> assertThat(rule.reason()).contains("not answered").doesNotContain("0 months"));
        }
    }

    /** Invariant 3: every sentence is true for the numbers shown; the runner-up's names the real reason. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void everySentenceIsTrueForTheNumbersShown(@ForAll("proposals") Case c) {
        Recommendation r = recommend(c);
        assertThat(r.reasons()).isNotEmpty();
        if (r.runnerUp() == null) {
            return;
        }
        TierResult runner = r.tier(r.runnerUp());
        TierResult chosen = r.tier(r.recommended());
        String why = r.runnerUpReason();
        double gap = runner.monthlyCost() - chosen.monthlyCost();
        assertThat(r.runnerUpGap()).isEqualTo(gap);
        if (why.contains("pay back")) {
            double limit = c.assumptions().get(r.fires(RuleId.H3_BROAD_CAPABILITIES) ? Param.PAYBACK_BROAD : Param.PAYBACK);
            assertThat(mandated(r)).isFalse();
            assertThat(runner.blocked()).isFalse();
            assertThat(runner.paybackMonths()).isNotNull().isGreaterThan(limit);
            assertThat(gap).as("payback decides only against a cheaper runner-up").isLessThan(0);
        }
        if (why.contains("mandatory")) {
            assertThat(mandated(r)).isTrue();
        }
        if (why.contains("is blocked by")) {
            assertThat(runner.blocked()).isTrue();
            assertThat(why).contains(runner.blockedBy().get(0).name());
        }
        if (why.contains("after a quarter on hosted-open")) {
            assertThat(r.recommended()).isEqualTo(Tier.HOSTED_OPEN);
            assertThat(r.runnerUp()).isEqualTo(Tier.SELF_HOSTED);
            assertThat(r.fires(RuleId.W1_NOT_MEASURED)).isTrue();
            assertThat(gap).isLessThan(0);
        }
        if (why.contains("/month cheaper")) {
            assertThat(gap).isLessThan(0);
        }
        if (why.contains("/month more") || why.contains("/month dearer")) {
            assertThat(gap).isGreaterThanOrEqualTo(0);
        }
        if (!mandated(r) && !runner.blocked() && gap < 0) {
            assertThat(why).as("a cheaper runner-up lost to payback or to a quarter of measurement first")
                    .containsAnyOf("pay back", "after a quarter on hosted-open");
        }
        for (String reason : r.reasons()) {
            if (reason.contains("up-front takes") && reason.endsWith("so it is not recommended.")) {
                Tier named = Tier.valueOf(java.util.Arrays.stream(Tier.values()).filter(t -> reason.startsWith(t.label()))
                        .findFirst().orElseThrow().name());
                assertThat(r.tier(named).monthlyCost()).as("a payback sentence only for a tier cheaper than the one recommended")
                        .isLessThan(chosen.monthlyCost());
            }
            if (reason.startsWith("W1_NOT_MEASURED: self-hosting is cheapest")) {
                assertThat(r.recommended()).isEqualTo(Tier.HOSTED_OPEN);
                assertThat(r.tier(Tier.SELF_HOSTED).monthlyCost()).isLessThan(chosen.monthlyCost());
            }
        }
    }

    /** The plan: at most three steps in order, starting where the recommendation says, each gate true at its volume. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void thePlanStartsAtTheRecommendationAndEachVolumeGateIsACrossing(@ForAll("proposals") Case c) {
        Recommendation r = recommend(c);
        List<PlanStep> plan = r.plan();
        assertThat(plan).hasSizeBetween(1, 3);
        assertThat(plan.get(0).stage()).isEqualTo(PlanStep.Stage.NOW);
        assertThat(plan.get(0).tier()).isEqualTo(r.recommended());
        assertThat(plan.stream().map(PlanStep::tier).distinct().count()).isEqualTo(plan.size());
        assertThat(plan.stream().map(PlanStep::stage).toList()).isSorted();
        long today = c.inputs().workload().requestsPerMonth();
        for (PlanStep step : plan) {
            assertThat(Double.isFinite(step.monthlyCost()) && step.monthlyCost() >= 0).isTrue();
            assertThat(step.gateText()).isNotBlank();
            if (step.gate() == PlanStep.Gate.VOLUME) {
                assertThat(step.fromRequestsPerMonth()).isNotNull().isGreaterThanOrEqualTo(today);
            }
        }
        for (PlanStep step : plan) {
            if (step.gate() == PlanStep.Gate.VOLUME && step.tier() == Tier.SELF_HOSTED && today > 0) {
                // at its gate, self-hosting is cheaper than every per-token tier the feature could run on instead
                org.hostingreview.costmodel.Workload there = c.inputs().workload().scaled(step.fromRequestsPerMonth() / (double) today);
                double selfHosted = org.hostingreview.costmodel.CostModel.monthly(Tier.SELF_HOSTED, there, c.assumptions(),
                        c.inputs().answers().mlOpsEngineers());
                for (Tier perToken : new Tier[] {Tier.FRONTIER_CLOSED, Tier.HOSTED_OPEN}) {
                    if (!r.tier(perToken).blocked()) {
                        double rival = org.hostingreview.costmodel.CostModel.monthly(perToken, there, c.assumptions(),
                                c.inputs().answers().mlOpsEngineers());
                        assertThat(selfHosted).as("self-hosting at its gate against %s", perToken)
                                .isLessThanOrEqualTo(rival * (1 + 1e-4) + 1e-6); // the gate is a crossing, in whole requests
                    }
                }
            }
        }
        if (plan.size() > 1) {
            assertThat(plan.get(plan.size() - 1).tier() == Tier.SELF_HOSTED
                    ? plan.get(plan.size() - 1).stage() == PlanStep.Stage.DESTINATION
                    : plan.get(plan.size() - 1).stage() == PlanStep.Stage.NEXT).isTrue();
        }
    }

    /** Costs stay real numbers at any accepted volume: no overflowed replica count, no negative or infinite bill. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void costsAreFiniteAndNonNegativeAtEveryVolume(@ForAll("proposals") Case c) {
        Recommendation r = recommend(c);
        for (Tier tier : Tier.values()) {
            TierResult t = r.tier(tier);
            assertThat(Double.isFinite(t.monthlyCost()) && t.monthlyCost() >= 0).as(tier + " monthly").isTrue();
            assertThat(Double.isFinite(t.upfrontCost()) && t.upfrontCost() >= 0).as(tier + " up-front").isTrue();
        }
        assertThat(r.tier(Tier.SELF_HOSTED).cost().capacity().replicas()).isPositive();
        assertThat(r.tier(Tier.SELF_HOSTED).cost().capacity().gpus()).isPositive();
        assertThat(everySentence(r)).noneMatch(s -> s.contains("Infinity") || s.contains("NaN") || s.contains("$-"));
    }

    private static List<String> everySentence(Recommendation r) {
        List<String> all = new ArrayList<>(r.reasons());
        all.addAll(r.cautions());
        r.rules().forEach(rule -> all.add(rule.reason()));
        if (r.runnerUpReason() != null) {
            all.add(r.runnerUpReason());
        }
        r.plan().forEach(step -> all.add(step.gateText()));
        r.breakEvens().forEach(b -> all.add(b.summary()));
        return Stream.of(all).flatMap(List::stream).toList();
    }
}
