package org.hostingreview.support;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;

/**
 * Counts Qute's full resolver scans. Qute resolves each part of an expression by asking every registered value
 * resolver in priority order whether it applies, on one context level after the other (the loop element, the
 * {@code {#let}}, the user tag, the page's data) until one level knows the name; only the first level tried benefits
 * from the resolver Qute caches per expression. This resolver has the lowest priority and never applies, so Qute
 * reaches it once for every level on which it asked all the others in vain: its count is the number of full scans.
 */
@EngineConfiguration
public class FullScans implements ValueResolver {

    private static final LongAdder SCANS = new LongAdder();
    private static final Map<String, LongAdder> NAMES = new ConcurrentHashMap<>();

    @Override
    public int getPriority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        SCANS.increment();
        NAMES.computeIfAbsent(context.getName(), n -> new LongAdder()).increment();
        return false;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        return Results.notFound(context);
    }

    public static void reset() {
        SCANS.reset();
        NAMES.clear();
    }

    public static long count() {
        return SCANS.sum();
    }

    /** What one run of an action cost: the scans, and the names scanned for, most scanned first. */
    public record Run(long scans, String names) {
    }

    /**
     * The run with the fewest scans of {@code times} runs of {@code action} (a render in the background, a mail or a page
     * of another test, only adds to a run).
     */
    public static Run fewestOf(int times, Runnable action) {
        Run fewest = null;
        for (int i = 0; i < times; i++) {
            reset();
            action.run();
            if (fewest == null || count() < fewest.scans()) {
                fewest = new Run(count(), names());
            }
        }
        return fewest;
    }

    /** The names scanned for most since the last {@link #reset}, with their counts. */
    public static String names() {
        return NAMES.entrySet().stream().sorted(Comparator.comparingLong(e -> -e.getValue().sum())).limit(8)
                .map(e -> e.getKey() + " " + e.getValue().sum()).collect(Collectors.joining(", "));
    }
}
