package org.hostingreview.costmodel;

/**
 * The self-hosted replica plan: replicas needed for the peak at the planning headroom, plus the
 * redundancy policy (spare replicas, never fewer than the minimum), and the GPUs that makes. Counts are 64-bit
 * and saturate instead of wrapping, so an absurd volume gives an absurd but positive GPU bill.
 */
public record SelfHostedCapacity(double peakTokensPerSecond, double usableTokensPerSecondPerReplica, long neededReplicas,
        long spareReplicas, long replicas, long gpus) {

    public static SelfHostedCapacity plan(Workload workload, Assumptions a) {
        double usable = a.get(Param.REPLICA_TOKENS_PER_SECOND) * a.get(Param.HEADROOM);
        double peak = workload.peakTokensPerSecond();
        long needed = needed(peak / usable);
        long replicas = replicas(needed, a);
        return new SelfHostedCapacity(peak, usable, needed, replicas - needed, replicas,
                saturatedProduct(replicas, (long) a.get(Param.GPUS_PER_REPLICA)));
    }

    /** Replicas the peak needs for a ratio of peak to usable throughput: a whole replica for any part of one. */
    public static long needed(double ratio) {
        if (!(ratio > 0)) {
            return 0;
        }
        // a relative epsilon keeps 3.0000000000004 (rounding noise) at 3 replicas, and never rounds a real need to 0
        double value = Math.ceil(ratio * (1 - 1e-12));
        return value >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) value;
    }

    /** The redundancy policy applied to the replicas needed: plus the spares, never fewer than the minimum. */
    public static long replicas(long needed, Assumptions a) {
        long withSpare = needed > Long.MAX_VALUE - 1_000 ? Long.MAX_VALUE : needed + (long) a.get(Param.SPARE_REPLICAS);
        return Math.max((long) a.get(Param.MIN_REPLICAS), withSpare);
    }

    private static long saturatedProduct(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    /** True when the plan has failover: at least two replicas, one of them spare. */
    public boolean redundant() {
        return replicas >= 2 && spareReplicas >= 1;
    }
}
