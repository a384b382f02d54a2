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

/**
 * Invariant 4, over 10,000 generated workloads and catalogs: break-evens are crossings. The reported crossing is where
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
                Arbitraries.doubles().between(3, 11).map(e -> (long) Math.pow(10, e)),
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
        return Combinators.combine(workloads, catalogs, Arbitraries.integers().between(0, 3).injectNull(0.3)).as(Case::new);
    }

    /** The two costs at {@code m} times today's volume, evaluated the way the cost model does, replica by replica. */
    private record Costs(double x, double f, double g, double q, long min, long spare) {

        static Costs of(Tier perToken, Case c) {
            SelfHostedCapacity today = SelfHostedCapacity.plan(c.workload(), c.a());
            return new Costs(CostModel.usage(perToken, c.workload(), c.a()), CostModel.selfHostedFixed(c.a(), c.mlOps()),
                    c.a().get(Param.GPUS_PER_REPLICA) * c.a().get(Param.GPU_USD_PER_HOUR) * Workload.HOURS_PER_MONTH,
                    today.peakTokensPerSecond() / today.usableTokensPerSecondPerReplica(), (long) c.a().get(Param.MIN_REPLICAS),
                    (long) c.a().get(Param.SPARE_REPLICAS));
        }

        double perToken(double m) {
            return x * m;
        }

        double selfHosted(double m) {
            return f + g * Math.max(min, SelfHostedCapacity.needed(q * m) + spare);
        }

        boolean selfHostedCheaper(double m) {
            return selfHosted(m) < perToken(m);
        }
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
    void breakEvensAreCrossings(@ForAll("cases") Case c) {
        for (Tier perToken : new Tier[] {Tier.FRONTIER_CLOSED, Tier.HOSTED_OPEN}) {
            BreakEven b = BreakEvens.withSelfHosted(perToken, c.workload(), c.a(), c.mlOps());
            Costs costs = Costs.of(perToken, c);
            assertThat(b.cheaperToday()).isEqualTo(costs.selfHostedCheaper(1) ? Tier.SELF_HOSTED : perToken);
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
            assertThat(Math.abs(costs.perToken(at) - costs.selfHosted(at))).isLessThanOrEqualTo(costs.g() * (1 + 1e-9) + 1e-6 * costs.perToken(at));
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
