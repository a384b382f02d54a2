package org.hostingreview.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class BreakEvensTest {

    private static final Assumptions A = Assumptions.defaults(LocalDate.of(2026, 11, 28)).with(Param.TOOLING, 0,
            ValueSource.override());
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
        // per-token 10·m against SH(m) = 5 + 3·⌈m⌉ (q = 1, min 1, no spare): self-hosting is cheaper in (5/7, 1]
        // (up at 8/10 = 0.8), then each replica hands the win back just above m = 1, 2: per-token is cheaper above them,
        // up to the next meeting point.
        Staircase s = new Staircase(10, 5, 3, 1, 1, 0);
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.at(0)).isCloseTo(0.8, within(1e-12));
        assertThat(Staircase.selfHostedAbove(0)).isTrue();
        assertThat(s.at(1)).isCloseTo(1.0, within(1e-12));
        assertThat(Staircase.selfHostedAbove(1)).isFalse();
        assertThat(s.at(2)).isCloseTo(1.1, within(1e-12));
        assertThat(Staircase.selfHostedAbove(2)).isTrue();
        // from m = 2 on, SH(m) = 5 + 3⌈m⌉ stays below 10·m: self-hosting stays cheaper
        assertThat(s.selfHostedCheaperAt(1.05)).isFalse();
        assertThat(s.selfHostedCheaperAt(1.5)).isTrue();
        assertThat(s.selfHostedCheaperAt(99)).isTrue();
    }

    @Test
    void aBreakEvenBelowTheSearchRangeIsNotReported() {
        // per-token 100·m meets SH = 5 + 1·max(2, ⌈0.01·m⌉ + 1) = 7 at m = 0.07, below 0.1×
        Staircase s = new Staircase(100, 5, 1, 0.01, 2, 1);
        assertThat(s.firstAtOrAbove(BreakEvens.MIN_MULTIPLE)).isEqualTo(s.count());
        assertThat(s.at(0)).isCloseTo(0.07, within(1e-12));
    }

    @Test
    void manyTeethAreCountedWithoutACap() {
        // a per-token line only just steeper than the staircase: the cheaper tier changes at nearly every replica step
        Staircase s = new Staircase(1_000.5, 10, 10, 100, 1, 0);
        long inRange = s.lastAtOrBelow(100) - s.firstAtOrAbove(0.1) + 1;
        assertThat(inRange).isGreaterThan(64);
        for (long j = 0; j < Math.min(s.count(), 500); j++) {
            assertThat(s.at(j)).isLessThan(s.at(j + 1 < s.count() ? j + 1 : j) + 1e-12);
        }
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
