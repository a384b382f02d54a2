package org.hostingreview.costmodel;

/**
 * A per-token tier against the self-hosted GPU staircase, exactly. At {@code m} times today's volume the per-token
 * tier costs {@code P(m) = x·m}; self-hosting costs {@code S(m) = F + g·max(min, k(m) + spare)}, where
 * {@code k(m) = ⌈q·m⌉} replicas carry the peak. Ties go to the per-token tier.
 *
 * <p>Write {@code C = F + g·spare}, {@code e = x/q − g} (what one replica's worth of volume costs per token, less
 * one replica), and {@code u(k) = e·k − C} (per-token minus self-hosted at the right end of step {@code k}). Step
 * {@code k} covers {@code ((k−1)/q, k/q]}; the first step {@code k0 = max(1, min − spare)} covers everything from 0,
 * because below it the minimum holds the cost flat. Then, since {@code u} grows with {@code k} when {@code e > 0}:
 * <ul>
 * <li>inside step {@code k} the per-token line meets the flat self-hosted cost at {@code S(k)/x} when
 * {@code u(k) > 0} and (for {@code k > k0}) {@code u(k) < x/q}: an <em>up</em> crossing, self-hosting cheaper
 * above;</li>
 * <li>at the step's end {@code k/q} the next replica hands the win back when {@code 0 < u(k) < g}: a
 * <em>down</em> crossing, per-token cheaper above.</li>
 * </ul>
 * Both conditions hold for a run of consecutive {@code k} starting at {@code K = max(k0, ⌊C/e⌋ + 1)}, the down
 * crossings for one step fewer, so the crossings in volume order are up(K), down(K), up(K+1), …, up(K + n): an
 * odd count, alternating, ending with self-hosting cheaper for good. With {@code e ≤ 0} the per-token tier is
 * cheaper at every volume. Every crossing is found, whatever their number, in constant time and without a cap.
 */
final class Staircase {

    private final double x;
    private final double f;
    private final double g;
    private final double q;
    private final long min;
    private final long spare;
    /** First step index carrying a crossing, and how many crossings there are in all (from 0 to infinity). */
    private final long first;
    private final long count;

    Staircase(double x, double f, double g, double q, long min, long spare) {
        this.x = x;
        this.f = f;
        this.g = g;
        this.q = q;
        this.min = min;
        this.spare = spare;
        if (!(x > 0)) {
            first = 0;
            count = 0;
        } else if (!(q > 0)) {
            // no traffic to carry: self-hosting is the flat minimum, met once by the per-token line
            first = 0;
            count = selfHostedFlat() > 0 ? 1 : 0;
        } else {
            double c = f + g * spare;
            double e = x / q - g;
            long k0 = Math.max(1, min - spare);
            if (!(e > 0) || Double.isInfinite(e)) {
                first = 0;
                count = 0;
            } else {
                long k = Math.max(k0, floorPlusOne(c / e));
                // up crossings run while u(k) < x/q; the first of them always holds (u(K−1) ≤ 0, so u(K) ≤ e ≤ x/q),
                // and in the first step, flat from 0, u(k0) > 0 alone is enough
                long lastUp = Math.max(k, ceilMinusOne((c + x / q) / e));
                long pairs = Math.min(lastUp - k, (Long.MAX_VALUE - 1) / 2);
                first = k;
                count = 2 * pairs + 1;
            }
        }
    }

    /** How many times the cheaper tier changes between 0 and infinite volume. */
    long count() {
        return count;
    }

    /** The volume multiple of crossing {@code j} (0-based, in volume order). */
    double at(long j) {
        if (!(q > 0)) {
            return selfHostedFlat() / x;
        }
        long k = first + j / 2;
        return j % 2 == 0 ? selfHosted(k) / x : k / q;
    }

    /** True when self-hosting is cheaper just above crossing {@code j}. */
    static boolean selfHostedAbove(long j) {
        return j % 2 == 0;
    }

    /** The index of the first crossing at or above {@code m}, or {@link #count()} when there is none. */
    long firstAtOrAbove(double m) {
        long lo = 0;
        long hi = count;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (at(mid) >= m) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The index of the last crossing at or below {@code m}, or −1 when there is none. */
    long lastAtOrBelow(double m) {
        long lo = -1;
        long hi = count - 1;
        while (lo < hi) {
            long mid = hi - (hi - lo) / 2;
            if (at(mid) <= m) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** True when self-hosting is strictly cheaper at {@code m} times today's volume. */
    boolean selfHostedCheaperAt(double m) {
        return selfHostedAtVolume(m) < x * m;
    }

    /** The self-hosted monthly cost at {@code m} times today's volume. */
    double selfHostedAtVolume(double m) {
        return !(q > 0) ? selfHostedFlat() : selfHosted(Math.max(1, SelfHostedCapacity.needed(q * m)));
    }

    double perTokenAtVolume(double m) {
        return x * m;
    }

    /** What one more replica adds to the self-hosted cost: the height of a step. */
    double step() {
        return g;
    }

    private double selfHosted(long needed) {
        long withSpare = needed > Long.MAX_VALUE - 1_000 ? Long.MAX_VALUE : needed + spare;
        return f + g * Math.max(min, withSpare);
    }

    private double selfHostedFlat() {
        return f + g * Math.max(min, spare);
    }

    private static long floorPlusOne(double value) {
        double v = Math.floor(value) + 1;
        return v >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.max(v, Long.MIN_VALUE);
    }

    private static long ceilMinusOne(double value) {
        double v = Math.ceil(value) - 1;
        return v >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.max(v, Long.MIN_VALUE);
    }
}
