package org.hostingreview.costmodel;

/**
 * The self-hosted replica plan: replicas needed for the peak at the planning headroom, plus the
 * redundancy policy (spare replicas, never fewer than the minimum), and the GPUs that makes.
 */
public record SelfHostedCapacity(double peakTokensPerSecond, double usableTokensPerSecondPerReplica, int neededReplicas,
        int spareReplicas, int replicas, int gpus) {

    public static SelfHostedCapacity plan(Workload workload, Assumptions a) {
        double usable = a.get(Param.REPLICA_TOKENS_PER_SECOND) * a.get(Param.HEADROOM);
        double peak = workload.peakTokensPerSecond();
        int needed = (int) Math.ceil(peak / usable - 1e-9);
        int spare = (int) a.get(Param.SPARE_REPLICAS);
        int replicas = Math.max((int) a.get(Param.MIN_REPLICAS), needed + spare);
        return new SelfHostedCapacity(peak, usable, needed, replicas - needed, replicas,
                replicas * (int) a.get(Param.GPUS_PER_REPLICA));
    }

    /** True when the plan has failover: at least two replicas, one of them spare. */
    public boolean redundant() {
        return replicas >= 2 && spareReplicas >= 1;
    }
}
