package org.hostingreview.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.hostingreview.costmodel.CostModel;
import org.hostingreview.costmodel.Tier;
import org.junit.jupiter.api.Test;

/** The framework's worked example must come out of the model within ±10%. */
class WorkedExampleTest {

    private final Recommendation at30M = Recommender.recommend(WorkedExample.inputs(30_000_000), WorkedExample.assumptions());

    @Test
    void tierTotalsMatchTheFramework() {
        assertThat(at30M.tier(Tier.FRONTIER_CLOSED).monthlyCost()).isCloseTo(80_000, withPercentage(10));
        assertThat(at30M.tier(Tier.HOSTED_OPEN).monthlyCost()).isCloseTo(9_000, withPercentage(10));
        assertThat(at30M.tier(Tier.SELF_HOSTED).monthlyCost()).isCloseTo(70_000, withPercentage(10));
        // the model's own figures, as the framework and the API appendix state them
        assertThat(at30M.tier(Tier.FRONTIER_CLOSED).monthlyCost()).isCloseTo(79_920, within(1.0));
        assertThat(at30M.tier(Tier.HOSTED_OPEN).monthlyCost()).isCloseTo(9_097.2, within(1.0));
        assertThat(at30M.tier(Tier.SELF_HOSTED).monthlyCost()).isCloseTo(74_501, within(2.0));
    }

    @Test
    void selfHostedLineItemsAreTheArticlesPlan() {
        var selfHosted = at30M.tier(Tier.SELF_HOSTED).cost();
        assertThat(selfHosted.capacity().replicas()).isEqualTo(3);
        assertThat(selfHosted.capacity().gpus()).isEqualTo(6);
        assertThat(selfHosted.lineItem(CostModel.GPUS)).isCloseTo(12_000, withPercentage(1));
        assertThat(selfHosted.lineItem(CostModel.STAFF)).isEqualTo(50_000);
        assertThat(selfHosted.lineItem(CostModel.UPGRADES)).isEqualTo(12_500);
        assertThat(selfHosted.upfrontCost()).isEqualTo(300_000);
    }

    @Test
    void hostedOpenIsRecommendedSavingAbout71kAndSelfHostedLosesByOver60k() {
        assertThat(at30M.recommended()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(at30M.tier(Tier.HOSTED_OPEN).savingsVsIncumbent()).isCloseTo(71_000, withPercentage(10));
        assertThat(at30M.runnerUp()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(at30M.runnerUpGap()).isGreaterThan(60_000);
        assertThat(at30M.tier(Tier.HOSTED_OPEN).upfrontCost()).isCloseTo(23_077, within(1.0));
        // about 0.9 months to move the traffic (4 engineer-weeks), then $23.1k recovered from $70.8k a month
        assertThat(at30M.tier(Tier.HOSTED_OPEN).paybackMonths()).isCloseTo(4 * 7 / 365.0 * 12 + 23_076.92 / 70_822.8, within(1e-3));
    }

    @Test
    void theQualityGapAndTheGpuOnlyEstimateAreFlagged() {
        assertThat(reason(RuleId.W5_QUALITY_GAP)).contains("4 points short");
        assertThat(reason(RuleId.W4_GPU_ONLY_ESTIMATE)).contains("$4,000").contains("$12.0k");
        assertThat(at30M.fires(RuleId.B3_QUALITY_DROP)).isFalse();
        assertThat(at30M.fires(RuleId.S2_HYPERSCALE)).isFalse();
        assertThat(at30M.fires(RuleId.H1_NO_MLOPS)).isTrue();
        assertThat(at30M.reasons().get(0)).contains("Hosted open weights is the cheapest tier that is allowed");
    }

    @Test
    void costPerAcceptedResultUsesEachTiersScore() {
        assertThat(at30M.tier(Tier.FRONTIER_CLOSED).costPerAcceptedResult()).isCloseTo(79_920 / (30e6 * 0.91), within(1e-9));
        assertThat(at30M.tier(Tier.HOSTED_OPEN).costPerAcceptedResult()).isCloseTo(9_097.2 / (30e6 * 0.87), within(1e-7));
        assertThat(at30M.tier(Tier.SELF_HOSTED).evalScore()).isEqualTo(87);
    }

    @Test
    void at200MillionDocumentsHyperscaleFires() {
        Recommendation at200M = Recommender.recommend(WorkedExample.inputs(200_000_000), WorkedExample.assumptions());
        assertThat(at200M.tier(Tier.FRONTIER_CLOSED).monthlyCost()).isCloseTo(533_000, withPercentage(1));
        assertThat(at200M.fires(RuleId.S2_HYPERSCALE)).isTrue();
        assertThat(at200M.rules().stream().filter(r -> r.id() == RuleId.S2_HYPERSCALE).findFirst().orElseThrow().reason())
                .contains("$532.8k");
    }

    @Test
    void theStatedSpendIsCrossCheckedAgainstThePerTokenCost() {
        assertThat(at30M.spendCheck().statedUsd()).isEqualTo(80_000);
        assertThat(at30M.spendCheck().mismatch()).isFalse();
    }

    private String reason(RuleId id) {
        return at30M.rules().stream().filter(r -> r.id() == id).findFirst().orElseThrow().reason();
    }
}
