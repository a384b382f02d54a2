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
        // the sentence names its pair: a page lists the frontier and the hosted-open pair one above the other
        assertThat(open.summary()).startsWith("Hosted open weights and Self-hosted open weights: not reached below 100× current volume");
    }

    @Test
    void aStepInTheStaircaseCanHandTheWinBack() {
        // per-token 10·m against SH(k) = 5 + 3·k (q = 1, min 1, no spare): self-hosting is cheaper from 0.8 (where 10·m meets
        // 8) to 1, the second replica hands the win back just above m = 1, and from 1.1 (10·m meets 11) self-hosting stays
        // cheaper: from then on each step adds 3 while the per-token line adds 10.
        Staircase s = new Staircase(10, 1, k -> 5 + 3 * Math.max(1, k));
        Staircase.Crossing first = s.firstAtOrAbove(0.1);
        assertThat(s.at(first)).isCloseTo(0.8, within(1e-12));
        assertThat(Staircase.selfHostedAbove(first)).isTrue();
        Staircase.Crossing second = s.next(first);
        assertThat(s.at(second)).isCloseTo(1.0, within(1e-12));
        assertThat(Staircase.selfHostedAbove(second)).isFalse();
        Staircase.Crossing third = s.next(second);
        assertThat(s.at(third)).isCloseTo(1.1, within(1e-12));
        assertThat(Staircase.selfHostedAbove(third)).isTrue();
        assertThat(s.next(third)).isNull();
        assertThat(s.count(first, s.lastAtOrBelow(100))).isEqualTo(3);
        assertThat(s.selfHostedCheaperAt(1.05)).isFalse();
        assertThat(s.selfHostedCheaperAt(1.5)).isTrue();
        assertThat(s.selfHostedCheaperAt(99)).isTrue();
    }

    @Test
    void aBreakEvenBelowTheSearchRangeIsNotReported() {
        // per-token 100·m meets SH = 5 + 1·max(2, ⌈0.01·m⌉ + 1) = 7 at m = 0.07, below 0.1×
        Staircase s = new Staircase(100, 0.01, k -> 5 + Math.max(2, k + 1), 2);
        assertThat(s.firstAtOrAbove(BreakEvens.MIN_MULTIPLE)).isNull();
        assertThat(s.at(s.firstAtOrAbove(0))).isCloseTo(0.07, within(1e-12));
    }

    @Test
    void manyTeethAreCountedWithoutACap() {
        // a per-token line only just steeper than the staircase: the cheaper tier changes at nearly every replica step
        Staircase s = new Staircase(1_000.7, 100, k -> 10.3 + 10 * Math.max(1, k));
        long inRange = s.count(s.firstAtOrAbove(0.1), s.lastAtOrBelow(100));
        assertThat(inRange).isGreaterThan(64);
        Staircase.Crossing c = s.firstAtOrAbove(0.1);
        for (int i = 0; i < 500 && s.next(c) != null; i++) {
            assertThat(s.at(s.next(c))).isGreaterThan(s.at(c));
            assertThat(Staircase.selfHostedAbove(s.next(c))).isNotEqualTo(Staircase.selfHostedAbove(c));
            c = s.next(c);
        }
    }

    @Test
    void aFleetThatNeedsMoreEngineersMakesTheStairsSteeper() {
        // from the kink on each replica also costs a share of an engineer: the crossings are still found exactly
        Staircase s = new Staircase(120, 1, k -> 100 + 10 * k + (k > 5 ? 50 * (k - 5) : 0), 6);
        for (Staircase.Crossing c = s.firstAtOrAbove(0.1); c != null; c = s.next(c)) {
            double at = s.at(c);
            assertThat(s.selfHostedCheaperAt(at * (1 + 1e-9))).isEqualTo(Staircase.selfHostedAbove(c));
        }
        // per-token 120·m against 100 + 10k: self-hosting cheaper from 1 replica up to the kink, then 60 a replica
        assertThat(s.selfHostedCheaperAt(3)).isTrue();
        assertThat(s.selfHostedCheaperAt(50)).isTrue();
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
