package org.hostingreview.costmodel;

/**
 * One feature's traffic: requests a month, tokens per request, the share of input tokens served from a
 * prompt cache, the peak-to-average ratio, and the required time to first token (null when none).
 */
public record Workload(long requestsPerMonth, long inputTokensPerRequest, long outputTokensPerRequest, double cachedInputShare,
        double peakToAverage, Integer ttftTargetMs) {

    /** Hours in the framework's month (reserved GPUs are billed all of them). */
    public static final double HOURS_PER_MONTH = 730;

    public Workload {
        if (requestsPerMonth < 0 || inputTokensPerRequest < 0 || outputTokensPerRequest < 0) {
            throw new IllegalArgumentException("negative workload");
        }
        if (cachedInputShare < 0 || cachedInputShare > 1 || peakToAverage < 1 || Double.isNaN(peakToAverage)) {
            throw new IllegalArgumentException("cached share must be in [0, 1] and peak-to-average at least 1");
        }
    }

    /** Tokens a month: R·(i+o). */
    public double tokensPerMonth() {
        return (double) requestsPerMonth * (inputTokensPerRequest + outputTokensPerRequest);
    }

    /** Peak tokens per second: T·P ÷ (730·3600). */
    public double peakTokensPerSecond() {
        return tokensPerMonth() * peakToAverage / (HOURS_PER_MONTH * 3600);
    }

    /** The same workload at {@code factor} times the volume. */
    public Workload scaled(double factor) {
        return new Workload(Math.round(requestsPerMonth * factor), inputTokensPerRequest, outputTokensPerRequest,
                cachedInputShare, peakToAverage, ttftTargetMs);
    }
}
