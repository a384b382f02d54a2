package org.hostingreview.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class BreakEvensTest {

    /** The worked example's single blended rate (30,000 tokens/s per replica), as these staircases were worked out on. */
    private static final Assumptions A = Assumptions.defaults(LocalDate.of(2026, 11, 28)).with(Param.TOOLING, 0,
            ValueSource.override()).with(Param.REPLICA_TOKENS_PER_SECOND, 30_000, ValueSource.override());
    private static final Workload WORKED = new Workload(30_000_000, 1000, 83, 0, 2, null);

    @Test
    void perTokenTiersNeverCross() {
        BreakEven pair = BreakEvens.all(WORKED, A, 0).get(0);
        assertThat(pair.reached()).isFalse();
        assertThat(pair.cheaperToday()).isEqualTo(Tier.HOSTED_OPEN);
    }

    @Test
    void frontierMeetsSelfHostedJustBelowTodaysVolume() {
        // today: frontier $79.9k, self-hosted $74.5k (3 replicas). Below 0.97× the peak needs one replica fewer,
        // so self-hosted is $70.5k there, and the frontier line meets that step at 0.88×, not at 74.5 ÷ 79.9 = 0.93×.
        BreakEven frontier = BreakEvens.all(WORKED, A, 0).get(1);
        assertThat(frontier.reached()).isTrue();
        assertThat(frontier.cheaperToday()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(frontier.cheaperAbove()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(frontier.multiple()).isCloseTo(bruteForce(Tier.FRONTIER_CLOSED, WORKED, 0.1), within(1e-4));
        assertThat(frontier.multiple()).isCloseTo(70_500.8 / 79_920, within(1e-6));
    }

    @Test
    void hostedOpenMeetsSelfHostedOnTheStaircaseAtAbout14Times() {
        BreakEven open = BreakEvens.all(WORKED, A, 0).get(2);
        assertThat(open.reached()).isTrue();
        assertThat(open.cheaperToday()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(open.cheaperAbove()).isEqualTo(Tier.SELF_HOSTED);
        double expected = bruteForce(Tier.HOSTED_OPEN, WORKED, 1);
        assertThat(open.multiple()).isCloseTo(expected, within(1e-4)).isBetween(13.0, 15.0);
        Workload just = WORKED.scaled(open.multiple() * 1.001);
        assertThat(CostModel.monthly(Tier.SELF_HOSTED, just, A, 0)).isLessThanOrEqualTo(CostModel.monthly(Tier.HOSTED_OPEN, just, A, 0));
    }

    @Test
    void aCheapEnoughHostedOpenIsNotReachedBelow100Times() {
        Assumptions cheap = A.with(Param.HOSTED_OPEN_INPUT, 0.05, ValueSource.override())
                .with(Param.HOSTED_OPEN_OUTPUT, 0.05, ValueSource.override());
        BreakEven open = BreakEvens.all(WORKED, cheap, 0).get(2);
        assertThat(open.reached()).isFalse();
        assertThat(open.summary()).startsWith("Not reached below 100× current volume");
    }

    @Test
    void aStepInTheStaircaseCanHandTheWinBack() {
        // self-hosted slightly cheaper today; one more replica later makes per-token cheaper again
        double x = 10.0;
        double f = 5.0;
        double g = 3.0;
        // q = 1: one replica per unit of volume, min 1, no spare: SH(m) = 5 + 3·ceil(m)
        Double crossing = BreakEvens.firstCrossing(x, f, g, 1.0, 1, 0, 1.0, 100);
        // at m = 1: per-token 10 > SH 8 (self-hosted cheaper). Just above 1, SH jumps to 11 > 10.1: per-token wins.
        assertThat(crossing).isNotNull().isCloseTo(1.0, within(1e-6));
        assertThat(BreakEvens.firstCrossing(x, f, g, 1.0, 1, 0, 1.5, 100)).isNull();
    }

    @Test
    void aBreakEvenBelowTheSearchRangeIsNotReported() {
        assertThat(BreakEvens.firstCrossing(100, 5, 1, 0.01, 2, 1, 1.0, 100)).isNull();
    }

    /** The first volume from {@code from} on where self-hosting costs at most the per-token tier. */
    private static double bruteForce(Tier perToken, Workload w, double from) {
        for (double m = from; m <= 100; m += 1e-5) {
            Workload scaled = w.scaled(m);
            if (CostModel.monthly(Tier.SELF_HOSTED, scaled, A, 0) <= CostModel.monthly(perToken, scaled, A, 0)) {
                return m;
            }
        }
        return Double.NaN;
    }

    @Test
    void everyPairIsReported() {
        List<BreakEven> all = BreakEvens.all(WORKED, A, 0);
        assertThat(all).extracting(BreakEven::a, BreakEven::b).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Tier.FRONTIER_CLOSED, Tier.HOSTED_OPEN),
                org.assertj.core.groups.Tuple.tuple(Tier.FRONTIER_CLOSED, Tier.SELF_HOSTED),
                org.assertj.core.groups.Tuple.tuple(Tier.HOSTED_OPEN, Tier.SELF_HOSTED));
    }
}
