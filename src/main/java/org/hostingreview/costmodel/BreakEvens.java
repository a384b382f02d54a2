package org.hostingreview.costmodel;

import java.util.ArrayList;
import java.util.List;

/**
 * The break-even search on the GPU-replica staircase. Per-token tiers cost {@code x·m} at {@code m} times
 * today's volume; the self-hosted tier costs {@code F + g·max(min, ceil(q·m) + spare)}, a step each time the
 * peak needs one more replica. Every point between 0.1× and 100× where the cheaper of the two changes is found
 * exactly — within a step the per-token line may cross the flat self-hosted cost, at a step the self-hosted
 * cost may jump over the line — and the one nearest today's volume is reported. Two per-token tiers never
 * cross (both are proportional to volume).
 */
public final class BreakEvens {

    /** How far down and up the search looks. */
    public static final double MIN_MULTIPLE = 0.1;
    public static final double MAX_MULTIPLE = 100;
    private static final int MAX_CROSSINGS = 64;
    private static final int MAX_STEPS = 200_000;

    private BreakEvens() {
    }

    public static List<BreakEven> all(Workload workload, Assumptions a, Integer existingMlOps) {
        List<BreakEven> result = new ArrayList<>();
        result.add(perTokenPair(workload, a));
        result.add(withSelfHosted(Tier.FRONTIER_CLOSED, workload, a, existingMlOps));
        result.add(withSelfHosted(Tier.HOSTED_OPEN, workload, a, existingMlOps));
        return result;
    }

    static BreakEven perTokenPair(Workload workload, Assumptions a) {
        double frontier = CostModel.usage(Tier.FRONTIER_CLOSED, workload, a);
        double open = CostModel.usage(Tier.HOSTED_OPEN, workload, a);
        Tier cheaper = open <= frontier ? Tier.HOSTED_OPEN : Tier.FRONTIER_CLOSED;
        return new BreakEven(Tier.FRONTIER_CLOSED, Tier.HOSTED_OPEN, null, null, cheaper, cheaper,
                () -> "Never: both are billed per token, so " + cheaper.label() + " is cheaper at every volume.");
    }

    static BreakEven withSelfHosted(Tier perToken, Workload workload, Assumptions a, Integer existingMlOps) {
        double x = CostModel.usage(perToken, workload, a);
        double f = CostModel.selfHostedFixed(a, existingMlOps);
        double g = SelfHostedCapacity.replicaUsdPerMonth(a);
        SelfHostedCapacity today = SelfHostedCapacity.plan(workload, a);
        double q = today.peakTokensPerSecond() / today.usableTokensPerSecondPerReplica();
        int minReplicas = (int) a.get(Param.MIN_REPLICAS);
        int spare = (int) a.get(Param.SPARE_REPLICAS);
        double selfHostedToday = f + g * today.replicas();
        Tier cheaper = x <= selfHostedToday ? perToken : Tier.SELF_HOSTED;
        Double nearest = null;
        for (double crossing : crossings(x, f, g, q, minReplicas, spare, MIN_MULTIPLE, MAX_MULTIPLE)) {
            if (nearest == null || Math.abs(Math.log(crossing)) < Math.abs(Math.log(nearest))) {
                nearest = crossing;
            }
        }
        if (nearest == null) {
            return new BreakEven(perToken, Tier.SELF_HOSTED, null, null, cheaper, cheaper,
                    () -> "Not reached below 100× current volume: " + cheaper.label() + " is cheaper from 0.1× to 100×.");
        }
        double above = nearest * (1 + 1e-6);
        Tier cheaperAbove = x * above <= f + g * Math.max(minReplicas, needed(q, above) + spare) ? perToken : Tier.SELF_HOSTED;
        Tier other = cheaperAbove == perToken ? Tier.SELF_HOSTED : perToken;
        long requests = Math.round(workload.requestsPerMonth() * nearest);
        double at = nearest;
        return new BreakEven(perToken, Tier.SELF_HOSTED, nearest, requests, cheaper, cheaperAbove, () -> String.format(
                "%s and %s cost the same at %s× today's volume (%,d requests/month); above it %s is cheaper, below it %s.",
                perToken.label(), Tier.SELF_HOSTED.label(), multiple(at), requests, cheaperAbove.label(), other.label()));
    }

    /** Every volume multiple in [from, to] where the cheaper of the two changes. */
    static List<Double> crossings(double x, double f, double g, double q, int minReplicas, int spare, double from,
            double to) {
        List<Double> found = new ArrayList<>();
        double m = from;
        while (found.size() < MAX_CROSSINGS) {
            Double next = firstCrossing(x, f, g, q, minReplicas, spare, m, to);
            if (next == null) {
                break;
            }
            found.add(next);
            m = beyond(next);
        }
        return found;
    }

    private static double beyond(double m) {
        return m * (1 + 1e-8) + 1e-12;
    }

    /**
     * The smallest {@code m} in [from, to] where the sign of {@code x·m − SH(m)} differs from its sign at
     * {@code from}, or null. See the class comment for the shape of {@code SH}.
     */
    static Double firstCrossing(double x, double f, double g, double q, int minReplicas, int spare, double from, double to) {
        double start = diff(x, f, g, q, minReplicas, spare, from);
        if (start == 0) {
            return from;
        }
        boolean perTokenCheaper = start < 0;
        double d = x - g * q;
        // f_c(m) = d·m − F − g·spare bounds the exact difference: f_c − g < diff ≤ f_c (before the minimum applies).
        double m = from;
        if (perTokenCheaper) {
            if (d <= 0 && continuous(d, f, g, spare, from) < 0) {
                return null;
            }
            if (d > 0) {
                m = Math.max(from, (f + g * spare) / d);
            }
        } else if (d < 0 || continuous(d, f, g, spare, from) >= g) {
            return null;
        }
        for (int step = 0; step < MAX_STEPS && m <= to; step++) {
            // beyond these bounds the cheaper tier can no longer change (see the bound on f_c above)
            if (perTokenCheaper ? d <= 0 && continuous(d, f, g, spare, m) < 0 : continuous(d, f, g, spare, m) >= g) {
                return null;
            }
            int needed = needed(q, m);
            double selfHosted = f + g * Math.max(minReplicas, needed + spare);
            double gap = x * m - selfHosted;
            if (gap == 0 || (gap < 0) != perTokenCheaper) {
                return m;
            }
            double stepEnd = q > 0 ? needed / q : Double.POSITIVE_INFINITY;
            if (perTokenCheaper && x > 0) {
                double meet = selfHosted / x;
                if (meet <= Math.min(stepEnd, to)) {
                    return Math.max(m, meet);
                }
            }
            if (stepEnd >= to) {
                return null;
            }
            m = beyond(stepEnd);
        }
        return null;
    }

    private static double diff(double x, double f, double g, double q, int minReplicas, int spare, double m) {
        return x * m - (f + g * Math.max(minReplicas, needed(q, m) + spare));
    }

    private static double continuous(double d, double f, double g, int spare, double m) {
        return d * m - f - g * spare;
    }

    static int needed(double q, double m) {
        return (int) Math.ceil(q * m - 1e-9);
    }

    public static String multiple(double m) {
        return m >= 10 ? String.format("%.0f", m) : String.format("%.2f", m);
    }
}
