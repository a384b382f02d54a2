package org.hostingreview.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CostModelTest {

    /** The framework's single blended rate, so that a replica's need is a simple step in total tokens. */
    private static final Assumptions A = Assumptions.defaults(LocalDate.of(2026, 11, 28))
            .with(Param.TOOLING, 0, ValueSource.override()).with(Param.REPLICA_TOKENS_PER_SECOND, 30_000, ValueSource.override());

    private static SelfHostedCapacity plan(double peakTokensPerSecond) {
        // one request per month of the right size gives the wanted peak: T·P / (730·3600)
        long tokens = Math.round(peakTokensPerSecond * Workload.HOURS_PER_MONTH * 3600);
        return SelfHostedCapacity.plan(new Workload(1, tokens, 0, 0, 1, null), A);
    }

    @Test
    void replicasFollowThePeakInStepsOfOneReplica() {
        // usable per replica: 30,000 × 0.8 = 24,000 tokens/s
        assertThat(plan(23_999).neededReplicas()).isEqualTo(1);
        assertThat(plan(24_000).neededReplicas()).isEqualTo(1);
        assertThat(plan(24_001).neededReplicas()).isEqualTo(2);
        assertThat(plan(48_001).neededReplicas()).isEqualTo(3);
        assertThat(plan(48_001).replicas()).isEqualTo(4);
        assertThat(plan(48_001).gpus()).isEqualTo(8);
    }

    @Test
    void neverFewerThanTwoReplicasAndAlwaysTheSpare() {
        assertThat(plan(0).replicas()).isEqualTo(2);
        assertThat(plan(1).replicas()).isEqualTo(2);
        assertThat(plan(1).redundant()).isTrue();
        Assumptions noSpare = A.with(Param.SPARE_REPLICAS, 0, ValueSource.override());
        assertThat(SelfHostedCapacity.plan(new Workload(1, 1, 0, 0, 1, null), noSpare).replicas()).isEqualTo(2);
    }

    @Test
    void usageBillsCachedInputAtTheCachedPrice() {
        Workload half = new Workload(1_000_000, 1000, 100, 0.5, 1, null);
        // 1M × (500 × $2 + 500 × $0.5 + 100 × $8) / 1e6
        assertThat(CostModel.usage(Tier.FRONTIER_CLOSED, half, A)).isCloseTo(1_000 + 250 + 800, within(1e-6));
    }

    @Test
    void reservedGpusAreBilled730HoursAMonth() {
        TierCost selfHosted = CostModel.selfHosted(new Workload(1, 1, 0, 0, 1, null), A, Tier.FRONTIER_CLOSED, 0);
        assertThat(selfHosted.lineItem(CostModel.GPUS)).isCloseTo(2 * 2 * 2.74 * 730, within(1e-6));
        assertThat(selfHosted.lineItems()).extracting(LineItem::name)
                .containsExactly(CostModel.GPUS, CostModel.STAFF, CostModel.UPGRADES, CostModel.TOOLING);
    }

    @Test
    void existingEngineersAreCreditedOnlyWhenAsked() {
        Workload w = new Workload(1, 1, 0, 0, 1, null);
        assertThat(CostModel.selfHosted(w, A, Tier.FRONTIER_CLOSED, 2).lineItem(CostModel.STAFF)).isEqualTo(50_000);
        Assumptions credit = A.with(Param.CREDIT_EXISTING_ML_OPS, 1, ValueSource.override());
        TierCost credited = CostModel.selfHosted(w, credit, Tier.FRONTIER_CLOSED, 1);
        assertThat(credited.lineItem(CostModel.STAFF)).isEqualTo(25_000);
        assertThat(credited.lineItems().get(1).detail()).contains("existing engineers credited");
    }

    @Test
    void theMonthlyShortcutAgreesWithTheLineItems() {
        Workload w = new Workload(123_456_789, 750, 120, 0.3, 3.5, null);
        for (Tier tier : Tier.values()) {
            double full = CostModel.costs(w, A, Tier.FRONTIER_CLOSED, 1).get(tier).monthlyCost();
            assertThat(CostModel.monthly(tier, w, A, 1)).as(tier.name()).isCloseTo(full, within(1e-6));
        }
    }

    @Test
    void upFrontCostsOnlyWhenMovingOffTheIncumbent() {
        Workload w = new Workload(1000, 10, 10, 0, 1, null);
        var costs = CostModel.costs(w, A, Tier.FRONTIER_CLOSED, 0);
        assertThat(costs.get(Tier.FRONTIER_CLOSED).upfrontCost()).isZero();
        assertThat(costs.get(Tier.HOSTED_OPEN).upfrontItems()).extracting(LineItem::name).containsExactly(CostModel.MIGRATION);
        assertThat(costs.get(Tier.SELF_HOSTED).upfrontItems()).extracting(LineItem::name).containsExactly(CostModel.BUILD);
        assertThat(List.of(costs.get(Tier.SELF_HOSTED).upfrontCost())).containsExactly(12 * 25_000.0);
    }

    @Test
    void batchRequestsAreBilledAtTheBatchPriceAndCacheWritesAtTheirOwn() {
        Workload w = new Workload(1_000_000, 1000, 100, 0.5, 1, null);
        Assumptions halfBatch = A.with(Param.BATCH_SHARE, 0.5, ValueSource.override())
                .with(Param.CACHE_WRITE_SHARE, 0.2, ValueSource.override()).with(Param.FRONTIER_CACHE_WRITE, 2.5, ValueSource.override());
        // uncached 500: 400 at (0.5 × $2 + 0.5 × $1) + 100 written at $2.5; cached 500 × $0.5; output 100 × (0.5 × $8 + 0.5 × $4)
        assertThat(CostModel.usage(Tier.FRONTIER_CLOSED, w, halfBatch)).isCloseTo(600 + 250 + 250 + 600, within(1e-6));
        assertThat(CostModel.perToken(Tier.FRONTIER_CLOSED, w, halfBatch, Tier.FRONTIER_CLOSED).lineItems().get(0).detail())
                .contains("50% of requests through the batch API at $1 in / $4 out")
                .contains("20% of uncached input written to the cache at $2.5");
    }
}
