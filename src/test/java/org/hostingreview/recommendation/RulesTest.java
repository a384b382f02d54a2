package org.hostingreview.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;
import org.junit.jupiter.api.Test;

/** Every rule at its boundary: fires just past the threshold, not just short of it. */
class RulesTest {

    private static final Assumptions A = WorkedExample.assumptions();
    private static final Workload W = WorkedExample.workload(30_000_000);
    private static final Answers ANS = WorkedExample.answers();

    private static boolean fires(RuleId id, Workload w, Answers answers, Constraints c, List<Score> scores, Assumptions a) {
        return Recommender.recommend(new ProposalInputs(w, answers, c, scores), a).fires(id);
    }

    private static boolean fires(RuleId id, Workload w) {
        return fires(id, w, ANS, Constraints.none(), WorkedExample.scores(), A);
    }

    private static boolean fires(RuleId id, Answers answers) {
        return fires(id, W, answers, Constraints.none(), WorkedExample.scores(), A);
    }

    private static boolean fires(RuleId id, List<Score> scores) {
        return fires(id, W, ANS, Constraints.none(), scores, A);
    }

    private static boolean fires(RuleId id, Constraints c) {
        return fires(id, W, ANS, c, WorkedExample.scores(), A);
    }

    private static Answers spend(double spend) {
        return Given.answers().spend(spend).evalSet("eval").currentTier(Tier.FRONTIER_CLOSED).build();
    }

    private static Workload ttft(Integer ms) {
        return new Workload(30_000_000, 1000, 83, 0, 2.0, ms);
    }

    private static Workload peak(double p) {
        return new Workload(30_000_000, 1000, 83, 0, p, null);
    }

    @Test
    void constraintRulesFireExactlyWhenTheirFlagIsSet() {
        assertThat(fires(RuleId.S1_RESIDENCY, Given.constraints().dataResidency().build())).isTrue();
        assertThat(fires(RuleId.S5_AIR_GAP, Given.constraints().airGapped().build())).isTrue();
        assertThat(fires(RuleId.S6_REPRODUCIBILITY, Given.constraints().reproducibility().build())).isTrue();
        assertThat(fires(RuleId.S3_CUSTOM_WEIGHTS, Given.constraints().customWeights().build())).isTrue();
        assertThat(fires(RuleId.H3_BROAD_CAPABILITIES, Given.constraints().broadCapabilities().build())).isTrue();
        assertThat(fires(RuleId.H4_ITERATING, Given.constraints().iteratingFast().build())).isTrue();
        assertThat(fires(RuleId.X1_INFRA_COMPANY, Given.constraints().aiInfraCompany().build())).isTrue();
        assertThat(fires(RuleId.X2_SOVEREIGN, Given.constraints().sovereign().build())).isTrue();
        assertThat(fires(RuleId.X3_MOAT_FINE_TUNE, Given.constraints().moatFineTune().build())).isTrue();
        for (RuleId id : List.of(RuleId.S1_RESIDENCY, RuleId.S3_CUSTOM_WEIGHTS, RuleId.S5_AIR_GAP, RuleId.S6_REPRODUCIBILITY,
                RuleId.H3_BROAD_CAPABILITIES, RuleId.H4_ITERATING, RuleId.X1_INFRA_COMPANY, RuleId.X2_SOVEREIGN,
                RuleId.X3_MOAT_FINE_TUNE)) {
            assertThat(fires(id, Constraints.none())).as(id.name()).isFalse();
        }
    }

    @Test
    void s2HyperscaleNeedsFrontierSpendAbove50kAndSelfHostedUnder30PercentOfIt() {
        // at 30M the frontier cost is $79.9k but self-hosted is 93% of it
        assertThat(fires(RuleId.S2_HYPERSCALE, W)).isFalse();
        // at 200M self-hosted is ~18% of $533k
        assertThat(fires(RuleId.S2_HYPERSCALE, WorkedExample.workload(200_000_000))).isTrue();
        // the 30% line: self-hosted $74.5k is exactly 30% of a frontier cost of $248.3k
        Assumptions priced = A.with(Param.FRONTIER_OUTPUT, 0, ValueSource.override())
                .with(Param.TOOLING, 0, ValueSource.override());
        double selfHosted = 74_501.2;
        double perRequestAtThirty = selfHosted / 0.30 / 30_000_000 / 1000 * 1e6;
        assertThat(fires(RuleId.S2_HYPERSCALE, W, ANS, Constraints.none(), WorkedExample.scores(),
                priced.with(Param.FRONTIER_INPUT, perRequestAtThirty * 1.001, ValueSource.override()))).isTrue();
        assertThat(fires(RuleId.S2_HYPERSCALE, W, ANS, Constraints.none(), WorkedExample.scores(),
                priced.with(Param.FRONTIER_INPUT, perRequestAtThirty * 0.999, ValueSource.override()))).isFalse();
        // the $50k line: frontier cost just above and just below with self-hosting made nearly free
        Assumptions cheapSelfHost = A.with(Param.ML_OPS_FTES, 0, ValueSource.override())
                .with(Param.UPGRADE_EFFORT, 0, ValueSource.override()).with(Param.GPU_USD_PER_HOUR, 0.01, ValueSource.override());
        double inputFor50k = 50_000.0 / 30_000_000 / 1000 * 1e6;
        Assumptions at50k = cheapSelfHost.with(Param.FRONTIER_OUTPUT, 0, ValueSource.override());
        assertThat(fires(RuleId.S2_HYPERSCALE, W, ANS, Constraints.none(), WorkedExample.scores(),
                at50k.with(Param.FRONTIER_INPUT, inputFor50k * 1.001, ValueSource.override()))).isTrue();
        assertThat(fires(RuleId.S2_HYPERSCALE, W, ANS, Constraints.none(), WorkedExample.scores(),
                at50k.with(Param.FRONTIER_INPUT, inputFor50k * 0.999, ValueSource.override()))).isFalse();
    }

    @Test
    void s4LatencyFloorIsUnder100ms() {
        assertThat(fires(RuleId.S4_LATENCY_FLOOR, ttft(99))).isTrue();
        assertThat(fires(RuleId.S4_LATENCY_FLOOR, ttft(100))).isFalse();
        assertThat(fires(RuleId.S4_LATENCY_FLOOR, ttft(null))).isFalse();
    }

    @Test
    void h1NoMlOpsIsZeroEngineers() {
        assertThat(fires(RuleId.H1_NO_MLOPS, Given.answers().build())).isTrue();
        assertThat(fires(RuleId.H1_NO_MLOPS, Given.answers().mlOps(1).build())).isFalse();
    }

    @Test
    void h2UnderThresholdIsSpendBelow30k() {
        assertThat(fires(RuleId.H2_UNDER_THRESHOLD, spend(29_999.99))).isTrue();
        assertThat(fires(RuleId.H2_UNDER_THRESHOLD, spend(30_000))).isFalse();
    }

    @Test
    void h5BurstyIsPeakToAverageAtLeast10() {
        assertThat(fires(RuleId.H5_BURSTY, peak(10))).isTrue();
        assertThat(fires(RuleId.H5_BURSTY, peak(9.99))).isFalse();
    }

    @Test
    void x4HyperscaleSavingsNeedsA5MBillAndSixtyPercentSavings() {
        // self-hosted at 30M is $74.5k: 60% savings needs a bill of $186.3k/month; $5M/year is $416.7k/month
        assertThat(fires(RuleId.X4_HYPERSCALE_SAVINGS, spend(416_667))).isTrue();
        assertThat(fires(RuleId.X4_HYPERSCALE_SAVINGS, spend(416_666))).isFalse();
        // 1 − $74.5k ÷ $416.7k = 82.12% saved
        Assumptions strict = A.with(Param.EXCEPTION_SAVINGS, 0.8211, ValueSource.override());
        assertThat(fires(RuleId.X4_HYPERSCALE_SAVINGS, W, spend(416_667), Constraints.none(), WorkedExample.scores(), strict))
                .isTrue();
        assertThat(fires(RuleId.X4_HYPERSCALE_SAVINGS, W, spend(416_667), Constraints.none(), WorkedExample.scores(),
                A.with(Param.EXCEPTION_SAVINGS, 0.8213, ValueSource.override()))).isFalse();
    }

    @Test
    void b1NoEvalNeedsAnEvalSetAndACandidateScore() {
        assertThat(fires(RuleId.B1_NO_EVAL, Given.answers().evalSet(" ").build())).isTrue();
        assertThat(fires(RuleId.B1_NO_EVAL, List.of(new Score("gpt-4.1", Score.Role.INCUMBENT, 91)))).isTrue();
        assertThat(fires(RuleId.B1_NO_EVAL, WorkedExample.scores())).isFalse();
    }

    @Test
    void b2SingleGpuIsAOneReplicaPlanOrAPolicyWithoutSpare() {
        assertThat(fires(RuleId.B2_SINGLE_GPU, Given.answers().plannedReplicas(1).build())).isTrue();
        assertThat(fires(RuleId.B2_SINGLE_GPU, Given.answers().plannedReplicas(2).build())).isFalse();
        Assumptions noSpare = A.with(Param.SPARE_REPLICAS, 0, ValueSource.override()).with(Param.MIN_REPLICAS, 1, ValueSource.override());
        assertThat(fires(RuleId.B2_SINGLE_GPU, new Workload(1000, 1000, 83, 0, 2, null), ANS, Constraints.none(),
                WorkedExample.scores(), noSpare)).isTrue();
    }

    @Test
    void b3QualityDropIsTwentyPercentBelowTheIncumbent() {
        assertThat(fires(RuleId.B3_QUALITY_DROP, List.of(new Score("a", Score.Role.INCUMBENT, 100), new Score("b", Score.Role.CANDIDATE, 80))))
                .isTrue();
        assertThat(fires(RuleId.B3_QUALITY_DROP, List.of(new Score("a", Score.Role.INCUMBENT, 100), new Score("b", Score.Role.CANDIDATE, 80.01))))
                .isFalse();
    }

    @Test
    void w1NotMeasuredIsUnderAQuarter() {
        assertThat(fires(RuleId.W1_NOT_MEASURED, Given.answers().monthsOnHostedOpen(2.9).build())).isTrue();
        assertThat(fires(RuleId.W1_NOT_MEASURED, Given.answers().monthsOnHostedOpen(3.0).build())).isFalse();
        assertThat(fires(RuleId.W1_NOT_MEASURED, Given.answers().monthsOnHostedOpen(null).build())).isTrue();
    }

    @Test
    void w2NoUpgradeOwnerIsABlankOwner() {
        assertThat(fires(RuleId.W2_NO_UPGRADE_OWNER, Given.answers().upgradeOwner(" ").build())).isTrue();
        assertThat(fires(RuleId.W2_NO_UPGRADE_OWNER, Given.answers().upgradeOwner("Ana").build())).isFalse();
    }

    @Test
    void w3HiringRequiredIsFewerEngineersThanRequired() {
        assertThat(fires(RuleId.W3_HIRING_REQUIRED, Given.answers().mlOps(1).build())).isTrue();
        assertThat(fires(RuleId.W3_HIRING_REQUIRED, Given.answers().mlOps(2).build())).isFalse();
    }

    @Test
    void w4GpuOnlyEstimateIsWithinTwiceTheGpuLine() {
        double gpus = 6 * 2.74 * 730;
        assertThat(fires(RuleId.W4_GPU_ONLY_ESTIMATE, Given.answers().selfHostEstimate(2 * gpus).build())).isTrue();
        assertThat(fires(RuleId.W4_GPU_ONLY_ESTIMATE, Given.answers().selfHostEstimate(2 * gpus + 1).build())).isFalse();
        assertThat(fires(RuleId.W4_GPU_ONLY_ESTIMATE, Given.answers().build())).isFalse();
    }

    @Test
    void w5QualityGapIsAnyMarginAndSaysHowMany() {
        Recommendation r = Recommender.recommend(new ProposalInputs(W, ANS, Constraints.none(), List.of(
                new Score("gpt-4.1", Score.Role.INCUMBENT, 91), new Score("m", Score.Role.CANDIDATE, 90.5))), A);
        assertThat(r.rules()).anySatisfy(rule -> assertThat(rule.reason()).contains("0.5 points short"));
        assertThat(fires(RuleId.W5_QUALITY_GAP, List.of(new Score("a", Score.Role.INCUMBENT, 91), new Score("b", Score.Role.CANDIDATE, 91))))
                .isFalse();
    }

    @Test
    void w6StalePricesIsACatalogPriceCheckedMoreThan90DaysBefore() {
        LocalDate asOf = WorkedExample.AS_OF;
        Assumptions fresh = A.with(Param.GPU_USD_PER_HOUR, 2.74, ValueSource.catalog("gpu_price:1", "H100", "x", asOf.minusDays(90)));
        Assumptions stale = A.with(Param.GPU_USD_PER_HOUR, 2.74, ValueSource.catalog("gpu_price:1", "H100", "x", asOf.minusDays(91)));
        assertThat(fires(RuleId.W6_STALE_PRICES, W, ANS, Constraints.none(), WorkedExample.scores(), fresh)).isFalse();
        assertThat(fires(RuleId.W6_STALE_PRICES, W, ANS, Constraints.none(), WorkedExample.scores(), stale)).isTrue();
    }

    @Test
    void everyRuleHasTheFrameworksKind() {
        assertThat(Map.of(RuleId.S1_RESIDENCY, RuleKind.FAVOURS_SELF_HOST, RuleId.H5_BURSTY, RuleKind.FAVOURS_HOSTED,
                RuleId.X4_HYPERSCALE_SAVINGS, RuleKind.EXCEPTION, RuleId.B3_QUALITY_DROP, RuleKind.BLOCKER,
                RuleId.W6_STALE_PRICES, RuleKind.WARNING)).allSatisfy((id, kind) -> assertThat(id.kind()).isEqualTo(kind));
        assertThat(RuleId.B3_QUALITY_DROP.blocks()).containsExactlyInAnyOrder(Tier.HOSTED_OPEN, Tier.SELF_HOSTED);
        assertThat(RuleId.values()).hasSize(24);
    }
}
