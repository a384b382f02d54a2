package org.hostingreview.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A replica has two rates; the peak needs enough replicas for whichever binds. */
class SelfHostedCapacityTest {

    /** 70B on 2×H100 FP8 at the MLPerf server limits: prefill 14,000, decode 5,401 tokens/s per replica. */
    private static final Assumptions MARKET = Assumptions.defaults(LocalDate.of(2026, 12, 1))
            .with(Param.PREFILL_TOKENS_PER_SECOND, 14_000, ValueSource.override())
            .with(Param.DECODE_TOKENS_PER_SECOND, 5_401, ValueSource.override())
            .with(Param.TOOLING, 0, ValueSource.override());

    @Test
    void atEqualTokensAMonthAnOutputHeavyChatNeedsClearlyMoreGpusThanAnInputHeavyClassifier() {
        // both 32.5B tokens a month: 1,000 in / 83 out (classification) against 83 in / 1,000 out (chat)
        Workload classification = new Workload(30_000_000, 1000, 83, 0, 2, null);
        Workload chat = new Workload(30_000_000, 83, 1000, 0, 2, null);
        assertThat(classification.tokensPerMonth()).isEqualTo(chat.tokensPerMonth());

        SelfHostedCapacity input = SelfHostedCapacity.plan(classification, MARKET);
        SelfHostedCapacity output = SelfHostedCapacity.plan(chat, MARKET);

        assertThat(input.binds()).isEqualTo(SelfHostedCapacity.Binding.PREFILL);
        assertThat(output.binds()).isEqualTo(SelfHostedCapacity.Binding.DECODE);
        // 22,831 input tokens/s ÷ (14,000 × 0.8) = 2.04 → 3 (+1 spare); 22,831 output tokens/s ÷ (5,401 × 0.8) = 5.28 → 6 (+1)
        assertThat(input.neededReplicas()).isEqualTo(3);
        assertThat(output.neededReplicas()).isEqualTo(6);
        assertThat(output.gpus()).isEqualTo(14);
        assertThat(input.gpus()).isEqualTo(8);
        assertThat(output.gpus()).isGreaterThan(input.gpus() + 4);
    }

    @Test
    void theGpuLineSaysWhichRateBinds() {
        TierCost selfHosted = CostModel.selfHosted(new Workload(30_000_000, 83, 1000, 0, 2, null), MARKET, Tier.FRONTIER_CLOSED, 0);
        String detail = selfHosted.lineItems().get(0).detail();
        assertThat(detail).contains("output-bound (decode) binds").contains("22,831 output tokens/s to decode")
                .contains("÷ 4,321 per replica = 5.28").contains("7 replicas");
    }

    @Test
    void prefixCachingLowersPrefillBoundReplicas() {
        Workload uncached = new Workload(100_000_000, 2000, 50, 0, 2, null);
        Workload cached = new Workload(100_000_000, 2000, 50, 0.75, 2, null);
        SelfHostedCapacity before = SelfHostedCapacity.plan(uncached, MARKET);
        SelfHostedCapacity after = SelfHostedCapacity.plan(cached, MARKET);
        assertThat(before.binds()).isEqualTo(SelfHostedCapacity.Binding.PREFILL);
        assertThat(after.peakPrefillTokensPerSecond()).isCloseTo(before.peakPrefillTokensPerSecond() / 4, within(1e-6));
        assertThat(after.neededReplicas()).isLessThan(before.neededReplicas());
        // 152,207 tokens/s to prefill ÷ 11,200 = 13.6 → 14; a quarter of it, 3.4 → 4
        assertThat(before.neededReplicas()).isEqualTo(14);
        assertThat(after.neededReplicas()).isEqualTo(4);
    }

    @Test
    void oneBlendedRateCountsInputAndOutputAlikeAsTheWorkedExampleDoes() {
        Assumptions blended = MARKET.with(Param.REPLICA_TOKENS_PER_SECOND, 30_000, ValueSource.override());
        SelfHostedCapacity plan = SelfHostedCapacity.plan(new Workload(30_000_000, 1000, 83, 0, 2, null), blended);
        assertThat(plan.binds()).isEqualTo(SelfHostedCapacity.Binding.BLENDED);
        // 24,726 tokens/s ÷ 24,000 = 1.03 → 2, +1 spare
        assertThat(plan.neededReplicas()).isEqualTo(2);
        assertThat(plan.replicas()).isEqualTo(3);
    }

    @Test
    void theStaircaseExposesReplicasPerVolumeAndTheCostOfOneReplica() {
        Workload chat = new Workload(30_000_000, 83, 1000, 0, 2, null);
        SelfHostedCapacity.Staircase stairs = SelfHostedCapacity.staircase(chat, MARKET);
        assertThat(stairs.replicasPerVolume()).isCloseTo(22_831.05 / (5_401 * 0.8), within(1e-3));
        assertThat(stairs.replicaUsdPerMonth()).isCloseTo(2 * 2.74 * 730, within(1e-9));
        assertThat(stairs.minReplicas()).isEqualTo(2);
        assertThat(stairs.spareReplicas()).isEqualTo(1);
        // the staircase reproduces the plan at other volumes, since both needs grow with volume
        for (double m : new double[] {0.3, 1, 2.5, 17}) {
            SelfHostedCapacity at = SelfHostedCapacity.plan(chat.scaled(m), MARKET);
            assertThat(at.neededReplicas()).isEqualTo((long) Math.ceil(stairs.replicasPerVolume() * m - 1e-9));
        }
        SelfHostedCapacity today = SelfHostedCapacity.plan(chat, MARKET);
        assertThat(today.peakTokensPerSecond() / today.usableTokensPerSecondPerReplica())
                .isCloseTo(stairs.replicasPerVolume(), within(1e-9));
    }
}
