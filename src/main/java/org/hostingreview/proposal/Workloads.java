package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.math.MathContext;

/** Small derivations on workload figures shared by the form, the summary and the cost model's inputs. */
public final class Workloads {

    /** Average days in a month (365 ÷ 12). */
    static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4167");

    private Workloads() {
    }

    /** Tokens per month: requests × (input + output tokens per request). */
    public static Long tokensPerMonth(Long requests, Integer inputTokens, Integer outputTokens) {
        if (requests == null || inputTokens == null || outputTokens == null) {
            return null;
        }
        return requests * ((long) inputTokens + outputTokens);
    }

    /**
     * Peak-to-average derived from a busy day: busy-day tokens ÷ the average day's tokens (monthly tokens ÷
     * 30.4), never below 1. Null when the inputs are missing.
     */
    public static BigDecimal peakToAverage(Long busyDayTokens, Long requests, Integer inputTokens, Integer outputTokens) {
        Long monthly = tokensPerMonth(requests, inputTokens, outputTokens);
        if (busyDayTokens == null || monthly == null || monthly == 0) {
            return null;
        }
        BigDecimal averageDay = new BigDecimal(monthly).divide(DAYS_PER_MONTH, MathContext.DECIMAL64);
        BigDecimal ratio = new BigDecimal(busyDayTokens).divide(averageDay, 2, java.math.RoundingMode.HALF_UP);
        return ratio.max(BigDecimal.ONE);
    }
}
