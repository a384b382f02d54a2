package org.hostingreview.support;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;

/**
 * Counts Qute's full resolver scans. Qute resolves each part of an expression by asking its registered value resolvers,
 * highest priority first, whether they apply (~140 of them here), and climbs to the enclosing scope when none at one
 * scope answers: a name read inside a loop but defined outside it costs a scan for every scope in between, every time.
 * This resolver has the lowest priority and never applies, so each scan that found nothing at one scope reaches it once.
 */
@ApplicationScoped
public class ResolverScans {

    private static final Map<String, LongAdder> SCANS = new ConcurrentHashMap<>();

    void register(@Observes EngineBuilder builder) {
        builder.addValueResolver(new ValueResolver() {
            @Override
            public int getPriority() {
                return Integer.MIN_VALUE;
            }

            @Override
            public boolean appliesTo(EvalContext context) {
                Object base = context.getBase();
                SCANS.computeIfAbsent(context.getName() + " (in " + (base == null ? "a scope with no data"
                        : base.getClass().getSimpleName()) + ")", k -> new LongAdder()).increment();
                return false;
            }

            @Override
            public CompletionStage<Object> resolve(EvalContext context) {
                return Results.notFound(context);
            }
        });
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
            SCANS.clear();
            action.run();
            long scans = SCANS.values().stream().mapToLong(LongAdder::sum).sum();
            if (fewest == null || scans < fewest.scans()) {
                fewest = new Run(scans, SCANS.entrySet().stream()
                        .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> -e.getValue().sum()))
                        .limit(12).map(e -> e.getValue().sum() + "× " + e.getKey()).collect(Collectors.joining(", ")));
            }
        }
        return fewest;
    }
}
