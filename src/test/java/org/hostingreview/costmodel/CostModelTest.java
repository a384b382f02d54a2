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
    void oneGpusMonthIsTheSumOfItsLineItemsForEveryProcurement() {
        for (GpuProcurement procurement : GpuProcurement.values()) {
            Assumptions a = A.with(Param.GPU_PROCUREMENT, procurement.code(), ValueSource.override());
            double lines = GpuProcurement.lines(1, a).stream().mapToDouble(LineItem::monthlyCost).sum();
            org.assertj.core.api.Assertions.assertThat(GpuProcurement.usdPerGpuMonth(a)).as(procurement.name())
                    .isCloseTo(lines, org.assertj.core.api.Assertions.within(1e-9));
            org.assertj.core.api.Assertions.assertThat(CostModel.gpuCost(12, a)).isCloseTo(12 * lines,
                    org.assertj.core.api.Assertions.within(1e-6));
        }
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

    @Test
    void reservedAndPurchasedGpusAreLineItemsWithTheCatalogsFigures() {
        Workload w = new Workload(1, 1, 0, 0, 1, null);
        Assumptions reserved = A.with(Param.GPU_PROCUREMENT, 1, ValueSource.override());
        // 2 replicas × 2 GPUs × $2.74 × 65% × 730 h
        assertThat(CostModel.selfHosted(w, reserved, Tier.FRONTIER_CLOSED, 0).lineItem(CostModel.GPUS))
                .isCloseTo(4 * 2.74 * 0.65 * 730, within(1e-6));
        assertThat(CostModel.selfHosted(w, reserved, Tier.FRONTIER_CLOSED, 0).lineItems().get(0).detail())
                .contains("1-year reserved at 35% off");

        Assumptions bought = A.with(Param.GPU_PROCUREMENT, 4, ValueSource.override());
        TierCost owned = CostModel.selfHosted(w, bought, Tier.FRONTIER_CLOSED, 0);
        assertThat(owned.lineItem(CostModel.GPUS)).isCloseTo(4 * 35_000 / 48.0, within(1e-6));
        assertThat(owned.lineItem(GpuProcurement.POWER)).isCloseTo(4 * 1.275 * 1.3 * 0.12 * 730, within(1e-6));
        assertThat(owned.lineItem(GpuProcurement.COLOCATION)).isEqualTo(800);
        assertThat(owned.lineItems()).extracting(LineItem::name).containsExactly(CostModel.GPUS, GpuProcurement.POWER,
                GpuProcurement.COLOCATION, CostModel.STAFF, CostModel.UPGRADES, CostModel.TOOLING);
        assertThat(CostModel.monthly(Tier.SELF_HOSTED, w, bought, 0)).isCloseTo(owned.monthlyCost(), within(1e-6));
        assertThat(Param.GPU_PROCUREMENT.accepts(2)).isFalse();
    }

    @Test
    void staffIsTheLargestOfThePolicyTheOnCallRotationAndTheFleet() {
        Workload small = new Workload(1, 1, 0, 0, 1, null);
        assertThat(CostModel.selfHosted(small, A, Tier.FRONTIER_CLOSED, 0).lineItem(CostModel.STAFF)).isEqualTo(50_000);
        Assumptions onCall = A.with(Param.SUPPORT_24X7, 1, ValueSource.override());
        TierCost rota = CostModel.selfHosted(small, onCall, Tier.FRONTIER_CLOSED, 0);
        assertThat(rota.lineItem(CostModel.STAFF)).isEqualTo(100_000);
        assertThat(rota.lineItems().stream().filter(i -> i.name().equals(CostModel.STAFF)).findFirst().orElseThrow().detail())
                .contains("24×7 on-call minimum 4");
        // 200 replicas × 2 GPUs = 400 GPUs ÷ 64 per engineer = 6.25 engineers
        Workload fleet = new Workload(1, Math.round(199 * 24_000 * Workload.HOURS_PER_MONTH * 3600), 0, 0, 1, null);
        TierCost big = CostModel.selfHosted(fleet, A, Tier.FRONTIER_CLOSED, 0);
        assertThat(big.capacity().gpus()).isEqualTo(400);
        assertThat(big.lineItem(CostModel.STAFF)).isEqualTo(6.25 * 25_000);
        assertThat(CostModel.monthly(Tier.SELF_HOSTED, fleet, A, 0)).isCloseTo(big.monthlyCost(), within(1e-6));
        // existing engineers are credited against the larger figure
        Assumptions credited = onCall.with(Param.CREDIT_EXISTING_ML_OPS, 1, ValueSource.override());
        assertThat(CostModel.selfHosted(small, credited, Tier.FRONTIER_CLOSED, 3).lineItem(CostModel.STAFF)).isEqualTo(25_000);
    }

    @Test
    void paybackCountsTheMonthsToFirstTrafficAndTheDoubleRunning() {
        Workload w = new Workload(30_000_000, 1000, 83, 0, 2, null);
        TierCost selfHosted = CostModel.selfHosted(w, A, Tier.FRONTIER_CLOSED, 0);
        assertThat(selfHosted.monthsToTraffic()).isEqualTo(6);
        // one month of the 3-replica fleet beside the incumbent
        assertThat(selfHosted.doubleRunningCost()).isCloseTo(6 * 2.74 * 730, within(1e-6));
        // 6 months to traffic, then ($300k build + $12k double running) ÷ $10k savings a month
        assertThat(selfHosted.paybackMonths(10_000)).isCloseTo(6 + (300_000 + 6 * 2.74 * 730) / 10_000, within(1e-9));
        assertThat(selfHosted.paybackMonths(0)).isNull();
        TierCost hosted = CostModel.perToken(Tier.HOSTED_OPEN, w, A, Tier.FRONTIER_CLOSED);
        assertThat(hosted.monthsToTraffic()).isCloseTo(4 * 7 / 365.0 * 12, within(1e-9));
        assertThat(hosted.doubleRunningCost()).isZero();
        assertThat(CostModel.perToken(Tier.FRONTIER_CLOSED, w, A, Tier.FRONTIER_CLOSED).monthsToTraffic()).isZero();
    }
}
