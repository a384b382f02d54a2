package org.hostingreview.costmodel;

import java.util.function.Supplier;

/**
 * Where two tiers' monthly costs cross between 0.1 and 100 times today's volume.
 *
 * <p>{@code multiple} and {@code requestsPerMonth} are the crossing nearest to today's volume (null when the
 * costs never cross in the range); {@code cheaperAbove} is the tier that is cheaper from just above it up to
 * {@code nextMultiple}, the next crossing (null: up to 100×). On the GPU staircase the two can alternate:
 * {@code crossings} counts every change of the cheaper tier in the range, {@code bandFrom}–{@code bandTo} is where
 * they alternate (null with fewer than two crossings), and from {@code staysFrom} (the last crossing) on,
 * {@code staysCheaper} is cheaper all the way to 100×.
 */
public record BreakEven(Tier a, Tier b, Double multiple, Long requestsPerMonth, Tier cheaperToday, Tier cheaperAbove,
        Double nextMultiple, long crossings, Double bandFrom, Double bandTo, Double staysFrom, Long staysFromRequests,
        Tier staysCheaper, Supplier<String> explanation) {

    /** The break-even in one sentence (or two, when the staircase makes the tiers alternate). */
    public String summary() {
        return explanation.get();
    }

    public boolean reached() {
        return multiple != null;
    }
}
