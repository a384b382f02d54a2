package org.hostingreview.costmodel;

/**
 * Where two tiers' monthly costs cross between 0.1 and 100 times today's volume: the crossing nearest to today
 * (its volume multiple and requests a month) and which tier is cheaper above it; or none ("not reached below
 * 100× current volume").
 */
public record BreakEven(Tier a, Tier b, Double multiple, Long requestsPerMonth, Tier cheaperToday, Tier cheaperAbove,
        java.util.function.Supplier<String> explanation) {

    /** The break-even in one sentence. */
    public String summary() {
        return explanation.get();
    }

    public boolean reached() {
        return multiple != null;
    }
}
