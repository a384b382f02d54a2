package org.hostingreview.costmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Invariant 4, over 30,000 generated workloads and catalogs (60,000 break-evens, about 10,000 of them reached): break-evens are crossings. The reported crossing is where
 * the two tiers' costs meet (within one replica step); the tier named cheaper above it is cheaper from just above it
 * up to the next crossing; the tier said to stay cheaper is cheaper from the last crossing to 100×; and the count of
 * crossings matches the changes of the cheaper tier found by walking the staircase replica by replica.
 */
class BreakEvenCrossingsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    record Case(Workload workload, Assumptions a, Integer mlOps) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Workload> workloads = Combinators.combine(
                Arbitraries.doubles().between(6, 11).map(e -> (long) Math.pow(10, e)),
                Arbitraries.integers().between(1, 20_000), Arbitraries.integers().between(1, 4_000),
                Arbitraries.doubles().between(0, 0.9), Arbitraries.doubles().between(1, 20))
                .as((r, i, o, c, p) -> new Workload(r, i, o, c, p, null));
        Arbitrary<Assumptions> catalogs = Combinators.combine(Arbitraries.doubles().between(0.02, 20),
                Arbitraries.doubles().between(0.02, 60), Arbitraries.doubles().between(0.5, 8), Arbitraries.integers().between(1, 8),
                Arbitraries.doubles().between(200, 60_000), Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 400_000))
                .as((in, out, gpu, perReplica, tps, min, spare, engineer) -> Assumptions.defaults(AS_OF)
                        .with(Param.FRONTIER_INPUT, in, ValueSource.override()).with(Param.FRONTIER_OUTPUT, out, ValueSource.override())
                        .with(Param.HOSTED_OPEN_INPUT, in / 7, ValueSource.override())
                        .with(Param.HOSTED_OPEN_OUTPUT, out / 7, ValueSource.override())
                        .with(Param.HOSTED_OPEN_CACHED_INPUT, in / 7, ValueSource.override())
                        .with(Param.GPU_USD_PER_HOUR, gpu, ValueSource.override())
                        .with(Param.GPUS_PER_REPLICA, perReplica, ValueSource.override())
                        .with(Param.REPLICA_TOKENS_PER_SECOND, tps, ValueSource.override())
                        .with(Param.MIN_REPLICAS, min, ValueSource.override()).with(Param.SPARE_REPLICAS, spare, ValueSource.override())
                        .with(Param.ENGINEER_USD_PER_YEAR, Math.max(10_000, engineer), ValueSource.override()));
        // the market's inputs too: two serving rates, procurement, 24×7 staffing and a fleet that needs more engineers
        Arbitrary<Assumptions> market = Combinators.combine(catalogs, Arbitraries.of(true, false), Arbitraries.doubles().between(2_000, 40_000),
                Arbitraries.doubles().between(500, 12_000), Arbitraries.of(0, 1, 3, 4), Arbitraries.of(0.0, 1.0),
                Arbitraries.integers().between(1, 128), Arbitraries.of(0.0, 1.0))
                .as((a, twoRates, prefill, decode, procurement, support, perEngineer, credit) -> (twoRates
                        ? a.with(Param.REPLICA_TOKENS_PER_SECOND, 0, ValueSource.override())
                                .with(Param.PREFILL_TOKENS_PER_SECOND, prefill, ValueSource.override())
                                .with(Param.DECODE_TOKENS_PER_SECOND, decode, ValueSource.override()) : a)
                        .with(Param.GPU_PROCUREMENT, procurement, ValueSource.override())
                        .with(Param.SUPPORT_24X7, support, ValueSource.override())
                        .with(Param.GPUS_PER_ENGINEER, perEngineer, ValueSource.override())
                        .with(Param.CREDIT_EXISTING_ML_OPS, credit, ValueSource.override()));
        return Combinators.combine(workloads, market, Arbitraries.integers().between(0, 6).injectNull(0.3)).as(Case::new);
    }

    /** The two costs at {@code m} times today's volume, evaluated the way the cost model does, replica by replica. */
    private record Costs(double x, double q, Case c) {

        static Costs of(Tier perToken, Case c) {
            return new Costs(CostModel.usage(perToken, c.workload(), c.a()),
                    SelfHostedCapacity.plan(c.workload(), c.a()).replicasPerVolume(), c);
        }

        double perToken(double m) {
            return x * m;
        }

        double selfHosted(double m) {
            return CostModel.selfHostedForNeeded(Math.max(1, SelfHostedCapacity.needed(q * m)), c.a(), c.mlOps());
        }

        /** The height of the step at {@code m}: what the next replica adds. */
        double step(double m) {
            long k = Math.max(1, SelfHostedCapacity.needed(q * m));
            return CostModel.selfHostedForNeeded(k + 1, c.a(), c.mlOps()) - CostModel.selfHostedForNeeded(k, c.a(), c.mlOps());
        }

        boolean selfHostedCheaper(double m) {
            return selfHosted(m) < perToken(m);
        }
    }

    @Property(tries = 30_000, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(onFailureOnly = false)
    void breakEvensAreCrossings(@ForAll("cases") Case c) {
        Statistics.label("reached").coverage(check -> check.check(true).percentage(p -> p > 10));
        Statistics.label("walked").coverage(check -> check.check(true).percentage(p -> p > 20));
        Statistics.label("teeth").coverage(check -> check.check(true).count(n -> n > 50));
        for (Tier perToken : new Tier[] {Tier.FRONTIER_CLOSED, Tier.HOSTED_OPEN}) {
            BreakEven b = BreakEvens.withSelfHosted(perToken, c.workload(), c.a(), c.mlOps());
            Costs costs = Costs.of(perToken, c);
            assertThat(b.cheaperToday()).isEqualTo(costs.selfHostedCheaper(1) ? Tier.SELF_HOSTED : perToken);
            Statistics.label("reached").collect(b.reached());
            if (!b.reached()) {
                assertThat(b.crossings()).isZero();
                Tier everywhere = b.cheaperAbove();
                for (double m : samples(BreakEvens.MIN_MULTIPLE, BreakEvens.MAX_MULTIPLE)) {
                    assertThat(costs.selfHostedCheaper(m) ? Tier.SELF_HOSTED : perToken).as("cheaper at %s×", m).isEqualTo(everywhere);
                }
                continue;
            }
            double at = b.multiple();
            assertThat(at).isBetween(BreakEvens.MIN_MULTIPLE, BreakEvens.MAX_MULTIPLE);
            // the costs meet there: equal on the flat of a step, or a step's height apart at its edge
            assertThat(Math.abs(costs.perToken(at) - costs.selfHosted(at)))
                    .isLessThanOrEqualTo(costs.step(at) * (1 + 1e-9) + 1e-6 * costs.perToken(at));
            double upTo = b.nextMultiple() == null ? BreakEvens.MAX_MULTIPLE : b.nextMultiple();
            for (double m : samples(at * (1 + 1e-9), upTo * (1 - 1e-9))) {
                assertThat(costs.selfHostedCheaper(m) ? Tier.SELF_HOSTED : perToken)
                        .as("cheaper above the crossing at %s×, at %s× (next %s)", at, m, b.nextMultiple()).isEqualTo(b.cheaperAbove());
            }
            for (double m : samples(b.staysFrom() * (1 + 1e-9), BreakEvens.MAX_MULTIPLE)) {
                assertThat(costs.selfHostedCheaper(m) ? Tier.SELF_HOSTED : perToken).as("stays cheaper from %s×, at %s×",
                        b.staysFrom(), m).isEqualTo(b.staysCheaper());
            }
            long walked = walkedChanges(costs);
            Statistics.label("walked").collect(walked >= 0);
            Statistics.label("teeth").collect(b.crossings() > 1);
            if (walked >= 0) {
                assertThat(b.crossings()).as("crossings found by walking every replica step").isEqualTo(walked);
            }
            if (b.crossings() > 1) {
                assertThat(b.summary()).contains("changes " + String.format("%,d", b.crossings()) + " times");
            }
        }
    }

    /**
     * The changes of the cheaper tier between 0.1× and 100×, counted by visiting every replica step (left edge, the
     * meeting point inside it, right edge); −1 when there are too many steps to walk in a test.
     */
    private static long walkedChanges(Costs c) {
        double lo = BreakEvens.MIN_MULTIPLE;
        double hi = BreakEvens.MAX_MULTIPLE;
        if (c.q() * hi > 20_000) {
            return -1;
        }
        java.util.List<Double> points = new java.util.ArrayList<>();
        points.add(lo);
        for (long k = (long) Math.floor(c.q() * lo); k <= Math.ceil(c.q() * hi); k++) {
            double edge = k / c.q();
            double meet = c.selfHosted((k + 0.5) / c.q()) / c.x();
            for (double m : new double[] {edge * (1 - 1e-10), edge * (1 + 1e-10), meet * (1 - 1e-10), meet * (1 + 1e-10)}) {
                if (m > lo && m < hi) {
                    points.add(m);
                }
            }
        }
        points.add(hi);
        points.sort(Double::compare);
        long changes = 0;
        Boolean previous = null;
        for (double m : points) {
            boolean now = c.selfHostedCheaper(m);
            if (previous != null && now != previous) {
                changes++;
            }
            previous = now;
        }
        return changes;
    }

    private static double[] samples(double from, double to) {
        if (!(to > from)) {
            return new double[0];
        }
        double[] points = new double[24];
        for (int i = 0; i < points.length; i++) {
            points[i] = from * Math.pow(to / from, i / (points.length - 1.0));
        }
        return points;
    }
}
