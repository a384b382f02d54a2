package org.hostingreview.costmodel;

/**
 * The self-hosted replica plan. A replica has two rates: prefill (reading prompts, compute-bound) and decode (writing
 * answers, memory-bandwidth-bound, far slower per token). The peak needs enough replicas for whichever binds —
 * {@code max(input tokens/s ÷ prefill rate, output tokens/s ÷ decode rate)} at the planning headroom — then the
 * redundancy policy (spare replicas, never fewer than the minimum), and the GPUs that makes. Counts are 64-bit and
 * saturate instead of wrapping, so an absurd volume gives an absurd but positive GPU bill.
 *
 * <p>Input served from the prefix cache (the workload's cached share) is not prefilled again. When the
 * assumptions give one blended rate ({@code replicaTokensPerSecond} above 0, as the framework's worked example
 * states it) every token, input or output, counts against that one rate instead.
 *
 * @param peakTokensPerSecond             input + output tokens per second at the peak
 * @param usableTokensPerSecondPerReplica the tokens per second (input and output together) one replica serves for
 *                                        this workload's mix at the headroom: peak ÷ exact replicas needed
 * @param peakPrefillTokensPerSecond      input tokens per second to prefill at the peak (cached input left out)
 * @param peakDecodeTokensPerSecond       output tokens per second at the peak
 * @param inputBoundReplicas              replicas the prefill needs (not rounded)
 * @param outputBoundReplicas             replicas the decode needs (not rounded)
 * @param binds                           which need sets the replica count
 */
public record SelfHostedCapacity(double peakTokensPerSecond, double usableTokensPerSecondPerReplica, long neededReplicas,
        long spareReplicas, long replicas, long gpus, double peakPrefillTokensPerSecond, double peakDecodeTokensPerSecond,
        double inputBoundReplicas, double outputBoundReplicas, Binding binds) {

    /** Which of the two needs sets the replica count. */
    public enum Binding {
        PREFILL("input-bound (prefill)"), DECODE("output-bound (decode)"), BLENDED("one blended rate");

        private final String label;

        Binding(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What the break-even search needs to walk the staircase: exact replicas per unit of today's volume
     * ({@code q}), the monthly GPU cost of one replica ({@code g}), the minimum and the spare replicas.
     */
    public record Staircase(double replicasPerVolume, double replicaUsdPerMonth, long minReplicas, long spareReplicas) {
    }

    public static SelfHostedCapacity plan(Workload workload, Assumptions a) {
        double headroom = a.get(Param.HEADROOM);
        double perSecond = workload.peakToAverage() / (Workload.HOURS_PER_MONTH * 3600);
        double requests = workload.requestsPerMonth();
        double prefillPerRequest = workload.inputTokensPerRequest() * (1 - workload.cachedInputShare());
        double decodePerRequest = workload.outputTokensPerRequest();
        double peak = workload.peakTokensPerSecond();
        double peakPrefill = requests * prefillPerRequest * perSecond;
        double peakDecode = requests * decodePerRequest * perSecond;
        double blended = a.get(Param.REPLICA_TOKENS_PER_SECOND);
        double inputBound;
        double outputBound;
        double perRequestReplicaSeconds;
        Binding binds;
        if (blended > 0) {
            inputBound = requests * workload.inputTokensPerRequest() * perSecond / (blended * headroom);
            outputBound = peakDecode / (blended * headroom);
            perRequestReplicaSeconds = (workload.inputTokensPerRequest() + decodePerRequest) / (blended * headroom);
            binds = Binding.BLENDED;
        } else {
            double prefill = a.get(Param.PREFILL_TOKENS_PER_SECOND) * headroom;
            double decode = a.get(Param.DECODE_TOKENS_PER_SECOND) * headroom;
            inputBound = peakPrefill / prefill;
            outputBound = peakDecode / decode;
            perRequestReplicaSeconds = Math.max(prefillPerRequest / prefill, decodePerRequest / decode);
            binds = prefillPerRequest / prefill >= decodePerRequest / decode ? Binding.PREFILL : Binding.DECODE;
        }
        double exact = binds == Binding.BLENDED ? inputBound + outputBound : Math.max(inputBound, outputBound);
        double tokensPerRequest = workload.inputTokensPerRequest() + decodePerRequest;
        double usable = perRequestReplicaSeconds > 0 && tokensPerRequest > 0 ? tokensPerRequest / perRequestReplicaSeconds
                : (blended > 0 ? blended : a.get(Param.PREFILL_TOKENS_PER_SECOND)) * headroom;
        long needed = needed(exact);
        long replicas = replicas(needed, a);
        return new SelfHostedCapacity(peak, usable, needed, replicas - needed, replicas,
                saturatedProduct(replicas, (long) a.get(Param.GPUS_PER_REPLICA)), peakPrefill, peakDecode, inputBound, outputBound,
                binds);
    }

    /** Replicas the peak needs for an exact (unrounded) need: a whole replica for any part of one. */
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

    /** The GPUs of a fleet of {@code replicas}. */
    static long gpus(long replicas, Assumptions a) {
        return saturatedProduct(replicas, (long) a.get(Param.GPUS_PER_REPLICA));
    }

    private static long saturatedProduct(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    /** The staircase of {@link #plan}: replicas = max(min, ceil(q·m) + spare) at m times today's volume. */
    public static Staircase staircase(Workload workload, Assumptions a) {
        SelfHostedCapacity today = plan(workload, a);
        return new Staircase(today.replicasPerVolume(), replicaUsdPerMonth(a), (long) a.get(Param.MIN_REPLICAS),
                (long) a.get(Param.SPARE_REPLICAS));
    }

    /** The monthly GPU cost of one replica: GPUs per replica × one GPU's month as procured (rented, reserved or bought). */
    public static double replicaUsdPerMonth(Assumptions a) {
        return a.get(Param.GPUS_PER_REPLICA) * GpuProcurement.usdPerGpuMonth(a);
    }

    /** Exact (unrounded) replicas the peak needs: the larger of the input- and output-bound needs. */
    public double replicasPerVolume() {
        return binds == Binding.BLENDED ? inputBoundReplicas + outputBoundReplicas : Math.max(inputBoundReplicas, outputBoundReplicas);
    }

    /** True when the plan has failover: at least two replicas, one of them spare. */
    public boolean redundant() {
        return replicas >= 2 && spareReplicas >= 1;
    }
}
