package org.hostingreview.costmodel;

import java.util.Locale;
import java.util.ArrayList;
import java.util.List;

/**
 * The break-even search on the GPU-replica staircase between 0.1× and 100× today's volume. Per-token tiers cost
 * {@code x·m} at {@code m} times today's volume; the self-hosted tier costs {@code F + g·max(min, ⌈q·m⌉ + spare)},
 * a step each time the peak needs one more replica. {@link Staircase} finds every crossing exactly, however many
 * teeth the staircase has; this class reports the one nearest today's volume (and which tier is cheaper from just
 * above it to the next crossing), the band where the two alternate, and the volume from which one tier stays
 * cheaper up to 100×. Two per-token tiers never cross (both are proportional to volume).
 */
public final class BreakEvens {

    /** How far down and up the search looks. */
    public static final double MIN_MULTIPLE = 0.1;
    public static final double MAX_MULTIPLE = 100;

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
        return new BreakEven(Tier.FRONTIER_CLOSED, Tier.HOSTED_OPEN, null, null, cheaper, cheaper, null, 0, null, null, null, null,
                cheaper, () -> Tier.FRONTIER_CLOSED.label() + " and " + Tier.HOSTED_OPEN.label() + " never cross: both are billed per "
                        + "token, so " + cheaper.label() + " is cheaper at every volume.");
    }

    /** The staircase of {@code perToken} against self-hosting for this workload. */
    static Staircase staircase(Tier perToken, Workload workload, Assumptions a, Integer existingMlOps) {
        return staircase(perToken, workload, a, existingMlOps, 0);
    }

    /** The staircase with {@code margin} added to the self-hosted cost: where self-hosting saves at least that much. */
    static Staircase staircase(Tier perToken, Workload workload, Assumptions a, Integer existingMlOps, double margin) {
        double x = CostModel.usage(perToken, workload, a);
        double q = SelfHostedCapacity.plan(workload, a).replicasPerVolume();
        java.util.function.LongToDoubleFunction selfHosted = CostModel.selfHostedCurve(a, existingMlOps);
        return new Staircase(x, q, needed -> selfHosted.applyAsDouble(needed) + margin, MAX_MULTIPLE,
                CostModel.selfHostedKinks(a, existingMlOps));
    }

    static BreakEven withSelfHosted(Tier perToken, Workload workload, Assumptions a, Integer existingMlOps) {
        Staircase s = staircase(perToken, workload, a, existingMlOps);
        Tier cheaperToday = s.selfHostedCheaperAt(1) ? Tier.SELF_HOSTED : perToken;
        Staircase.Crossing from = s.firstAtOrAbove(MIN_MULTIPLE);
        Staircase.Crossing to = s.lastAtOrBelow(MAX_MULTIPLE);
        if (from == null || to == null || s.at(from) > s.at(to)) {
            Tier cheaper = s.selfHostedCheaperAt(MIN_MULTIPLE) ? Tier.SELF_HOSTED : perToken;
            return new BreakEven(perToken, Tier.SELF_HOSTED, null, null, cheaperToday, cheaper, null, 0, null, null, null, null, cheaper,
                    () -> perToken.label() + " and " + Tier.SELF_HOSTED.label() + ": not reached below 100× current volume; "
                            + cheaper.label() + " is cheaper from 0.1× to 100×.");
        }
        Staircase.Crossing aboveToday = s.firstAtOrAbove(1);
        Staircase.Crossing nearest = aboveToday == null || s.at(aboveToday) > MAX_MULTIPLE ? to : aboveToday;
        Staircase.Crossing belowToday = s.lastAtOrBelow(1);
        if (belowToday != null && s.at(belowToday) >= MIN_MULTIPLE
                && Math.abs(Math.log(s.at(belowToday))) < Math.abs(Math.log(s.at(nearest)))) {
            nearest = belowToday;
        }
        double at = s.at(nearest);
        Tier cheaperAbove = Staircase.selfHostedAbove(nearest) ? Tier.SELF_HOSTED : perToken;
        Tier below = cheaperAbove == perToken ? Tier.SELF_HOSTED : perToken;
        Staircase.Crossing following = s.next(nearest);
        Double next = following != null && s.at(following) <= MAX_MULTIPLE ? s.at(following) : null;
        long crossings = s.count(from, to);
        double last = s.at(to);
        Tier stays = Staircase.selfHostedAbove(to) ? Tier.SELF_HOSTED : perToken;
        Double bandFrom = crossings > 1 ? s.at(from) : null;
        Double bandTo = crossings > 1 ? last : null;
        long requests = requests(workload, at);
        long staysRequests = requests(workload, last);
        return new BreakEven(perToken, Tier.SELF_HOSTED, at, requests, cheaperToday, cheaperAbove, next, crossings, bandFrom, bandTo,
                last, staysRequests, stays, () -> {
                    String first = String.format(Locale.US, "%s and %s cost the same at %s× today's volume (%,d requests/month); above it %s is "
                            + "cheaper%s, just below it %s.", perToken.label(), Tier.SELF_HOSTED.label(), multiple(at), requests,
                            cheaperAbove.label(), next == null ? " up to 100×" : " up to " + multiple(next) + "×", below.label());
                    if (crossings == 1) {
                        return first;
                    }
                    return first + String.format(Locale.US, " On the GPU staircase the cheaper tier changes %,d times between %s× and %s×; "
                            + "from %s× (%,d requests/month) %s stays cheaper up to 100×.", crossings, multiple(bandFrom),
                            multiple(bandTo), multiple(last), staysRequests, stays.label());
                });
    }

    /**
     * From which volume multiple (at least {@code from}, at most 100×) self-hosting is cheaper than {@code perToken}:
     * where it stays cheaper up to 100× when it does, else the first volume where it becomes cheaper and the next
     * crossing where it stops being so. Empty when self-hosting is not cheaper anywhere up to 100×.
     */
    public static java.util.Optional<Crossover> selfHostingCheaperFrom(Tier perToken, Workload workload, Assumptions a,
            Integer existingMlOps, double from) {
        return selfHostingSavesFrom(perToken, workload, a, existingMlOps, from, 0);
    }

    /**
     * Like {@link #selfHostingCheaperFrom}, for saving at least {@code margin} a month against {@code perToken} (a move
     * whose up-front must pay back within a limit needs monthly savings of at least up-front ÷ limit).
     */
    public static java.util.Optional<Crossover> selfHostingSavesFrom(Tier perToken, Workload workload, Assumptions a,
            Integer existingMlOps, double from, double margin) {
        Staircase s = staircase(perToken, workload, a, existingMlOps, margin);
        Staircase.Crossing last = s.lastAtOrBelow(MAX_MULTIPLE);
        if (s.selfHostedCheaperAt(from)) {
            Staircase.Crossing next = s.firstAtOrAbove(from);
            boolean stays = next == null || s.at(next) > MAX_MULTIPLE;
            return java.util.Optional.of(new Crossover(from, stays, stays ? null : s.at(next)));
        }
        if (last != null && Staircase.selfHostedAbove(last) && s.at(last) >= from) {
            return java.util.Optional.of(new Crossover(s.at(last), true, null));
        }
        Staircase.Crossing c = s.firstAtOrAbove(from);
        if (c != null && !c.up()) {
            c = s.next(c);
        }
        if (c == null || s.at(c) > MAX_MULTIPLE) {
            return java.util.Optional.empty();
        }
        Staircase.Crossing after = s.next(c);
        Double until = after != null && s.at(after) <= MAX_MULTIPLE ? s.at(after) : null;
        return java.util.Optional.of(new Crossover(s.at(c), until == null, until));
    }

    /** Self-hosting is cheaper from {@code multiple} on, for good up to 100× ({@code stays}) or up to {@code until}. */
    public record Crossover(double multiple, boolean stays, Double until) {
    }

    private static long requests(Workload workload, double multiple) {
        double requests = workload.requestsPerMonth() * multiple;
        return requests >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(requests);
    }

    public static String multiple(double m) {
        return m >= 100 ? String.format(Locale.US, "%.0f", m) : m >= 10 ? String.format(Locale.US, "%.1f", m) : String.format(Locale.US, "%.2f", m);
    }
}
