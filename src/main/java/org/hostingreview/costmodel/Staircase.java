package org.hostingreview.costmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * A per-token tier against the self-hosted GPU staircase, exactly. At {@code m} times today's volume the per-token
 * tier costs {@code P(m) = x·m}; self-hosting costs {@code S(k)} when the peak needs {@code k = ⌈q·m⌉} replicas (GPUs
 * of the fleet with its spares and minimum, the staff a fleet of that size needs, the fixed costs). Ties go to the
 * per-token tier.
 *
 * <p>Step {@code k} covers the volumes {@code ((k−1)/q, k/q]}. Write {@code u(k) = x·k/q − S(k)}, per-token minus
 * self-hosted at the step's right end, and {@code l(k) = x·(k−1)/q − S(k)} at its left end ({@code l(1) = −S(1) < 0}).
 * The cheaper tier changes
 * <ul>
 * <li>inside step {@code k}, at {@code S(k)/x}, when {@code l(k) < 0 < u(k)}: an <em>up</em> crossing, self-hosting
 * cheaper above;</li>
 * <li>at the step's end {@code k/q}, when {@code 0 < u(k) < S(k+1) − S(k)}: a <em>down</em> crossing, the next replica
 * handing the win back to the per-token tier.</li>
 * </ul>
 * {@code S} is linear in {@code k} between a few known kinks (where the minimum replica count stops holding, where a
 * fleet starts needing more engineers than the policy minimum), so on each such piece both conditions hold for one
 * interval of {@code k}, found in closed form. In volume order the crossings are up(k) &lt; down(k) &lt; up(k+1); every one
 * is found, however many teeth the staircase has, in time that does not grow with their number, and without a cap.
 */
final class Staircase {

    /** A set of steps {@code from..to} (inclusive) where crossings of one kind happen. */
    private record Run(long from, long to, boolean up) {
    }

    /** One crossing: the step it belongs to and its kind. */
    record Crossing(long step, boolean up) {
    }

    private static final long FAR = Long.MAX_VALUE / 4;
    private static final int SETTLE = 8;

    private final double x;
    private final double q;
    private final LongToDoubleFunction cost;
    private final List<Run> runs = new ArrayList<>();

    /**
     * @param x     the per-token tier's monthly cost at today's volume
     * @param q     replicas the peak needs at today's volume, unrounded
     * @param cost  self-hosting's monthly cost when the peak needs {@code k} replicas ({@code k ≥ 0})
     * @param kinks steps from which {@code cost} may grow at another rate (any extra one is harmless)
     */
    Staircase(double x, double q, LongToDoubleFunction cost, long... kinks) {
        this(x, q, cost, Double.POSITIVE_INFINITY, kinks);
    }

    /** A staircase whose crossings are wanted up to {@code maxMultiple} only: steps beyond it are not examined. */
    Staircase(double x, double q, LongToDoubleFunction cost, double maxMultiple, long... kinks) {
        this.x = x;
        this.q = q;
        this.cost = cost;
        if (!(x > 0)) {
            return;
        }
        if (!(q > 0)) {
            // no traffic to carry: self-hosting costs its flat minimum, met once by the per-token line
            runs.add(new Run(0, 0, true));
            return;
        }
        if (Double.isInfinite(x / q)) {
            return;
        }
        List<Long> starts = new ArrayList<>();
        starts.add(1L);
        for (long kink : kinks) {
            if (kink > 1 && kink < FAR && !starts.contains(kink)) {
                starts.add(kink);
            }
        }
        starts.sort(Long::compare);
        long lastStep = clamp(Math.ceil(q * maxMultiple)) + 2;
        for (int i = 0; i < starts.size() && starts.get(i) <= lastStep; i++) {
            long a = starts.get(i);
            long b = Math.min(lastStep, i + 1 < starts.size() ? starts.get(i + 1) - 1 : FAR);
            double g = cost.applyAsDouble(a + 1) - cost.applyAsDouble(a);
            double c = cost.applyAsDouble(a) - g * a;
            double e = x / q - g;
            // u(k) = e·k − c on this piece
            add(interval(e, c, 0, x / q, a, b), true);
            add(interval(e, c, 0, g, a, b - 1), false);
            if (b < FAR && u(b) > 0 && u(b) < cost.applyAsDouble(b + 1) - cost.applyAsDouble(b)) {
                add(new long[] {b, b}, false);
            }
        }
    }

    private void add(long[] range, boolean up) {
        if (range != null && range[0] <= range[1]) {
            runs.add(new Run(range[0], range[1], up));
        }
    }

    /** The steps {@code k} in {@code [a, b]} with {@code lo < e·k − c < hi}; null when none. */
    private static long[] interval(double e, double c, double lo, double hi, long a, long b) {
        if (a > b) {
            return null;
        }
        double from;
        double to;
        if (e > 0) {
            from = (c + lo) / e;
            to = (c + hi) / e;
        } else if (e < 0) {
            from = (c + hi) / e;
            to = (c + lo) / e;
        } else {
            return -c > lo && -c < hi ? new long[] {a, b} : null;
        }
        long first = Math.max(a, clamp(Math.floor(from) + 1));
        long last = Math.min(b, clamp(Math.ceil(to) - 1));
        // the closed form is exact up to rounding: settle the ends on the costs themselves (a few steps at most; at
        // replica counts so large that doubles cannot tell the steps apart, the closed form stands)
        for (int i = 0; i < SETTLE && first <= last && !(e * first - c > lo && e * first - c < hi); i++) {
            first++;
        }
        for (int i = 0; i < SETTLE && last >= first && !(e * last - c > lo && e * last - c < hi); i++) {
            last--;
        }
        return first <= last ? new long[] {first, last} : null;
    }

    private static long clamp(double value) {
        return value >= FAR ? FAR : value <= 0 ? 0 : (long) value;
    }

    private double u(long k) {
        return x * k / q - cost.applyAsDouble(k);
    }

    /** The volume multiple where a crossing lies. */
    double at(Crossing c) {
        return c.up() ? cost.applyAsDouble(c.step()) / x : c.step() / q;
    }

    /** True when self-hosting is cheaper just above this crossing. */
    static boolean selfHostedAbove(Crossing c) {
        return c.up();
    }

    /** The first crossing at or after {@code (step, up)} in volume order (an up comes before the down of its step). */
    private Crossing atOrAfter(long step, boolean up) {
        Crossing best = null;
        for (Run run : runs) {
            long k = Math.max(run.from(), run.up() && !up ? step + 1 : step);
            if (k <= run.to()) {
                Crossing c = new Crossing(k, run.up());
                if (best == null || before(c, best)) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** The last crossing at or before {@code (step, up)} in volume order. */
    private Crossing atOrBefore(long step, boolean up) {
        Crossing best = null;
        for (Run run : runs) {
            long k = Math.min(run.to(), !run.up() && up ? step - 1 : step);
            if (k >= run.from()) {
                Crossing c = new Crossing(k, run.up());
                if (best == null || before(best, c)) {
                    best = c;
                }
            }
        }
        return best;
    }

    private static boolean before(Crossing a, Crossing b) {
        return a.step() < b.step() || (a.step() == b.step() && a.up() && !b.up());
    }

    /** The crossing right after {@code c}, or null. */
    Crossing next(Crossing c) {
        return c.up() ? atOrAfter(c.step(), false) : atOrAfter(c.step() + 1, true);
    }

    /** The first crossing at or above volume {@code m}, or null. */
    Crossing firstAtOrAbove(double m) {
        long step = Math.max(1, clamp(Math.floor(q * m)) - 1);
        Crossing c = atOrAfter(step, true);
        while (c != null && at(c) < m) {
            c = next(c);
        }
        return c;
    }

    /** The last crossing at or below volume {@code m}, or null. */
    Crossing lastAtOrBelow(double m) {
        Crossing c = atOrBefore(clamp(Math.ceil(q * m)) + 1, false);
        while (c != null && at(c) > m) {
            c = c.up() ? atOrBefore(c.step() - 1, false) : atOrBefore(c.step(), true);
        }
        return c;
    }

    /** How many crossings lie from {@code first} to {@code last}, both included. */
    long count(Crossing first, Crossing last) {
        long n = 0;
        for (Run run : runs) {
            long from = Math.max(run.from(), first.step());
            long to = Math.min(run.to(), last.step());
            if (from > to) {
                continue;
            }
            n += to - from + 1;
            if (from == first.step() && run.up() && !first.up()) {
                n--;
            }
            if (to == last.step() && !run.up() && last.up()) {
                n--;
            }
        }
        return n;
    }

    /** True when self-hosting is strictly cheaper at {@code m} times today's volume. */
    boolean selfHostedCheaperAt(double m) {
        return selfHostedAtVolume(m) < x * m;
    }

    /** The self-hosted monthly cost at {@code m} times today's volume. */
    double selfHostedAtVolume(double m) {
        return cost.applyAsDouble(q > 0 ? Math.max(1, SelfHostedCapacity.needed(q * m)) : 0);
    }
}
