package org.hostingreview.costmodel;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The values of every {@link Param} for one costing, each with its {@link ValueSource}, and the day the
 * costing is "as of". Immutable; {@link #with} makes a changed copy (proposal answers, what-if overrides).
 */
public final class Assumptions {

    private final EnumMap<Param, Double> values;
    private final EnumMap<Param, ValueSource> sources;
    private final LocalDate asOf;

    private Assumptions(EnumMap<Param, Double> values, EnumMap<Param, ValueSource> sources, LocalDate asOf) {
        this.values = values;
        this.sources = sources;
        this.asOf = asOf;
    }

    /** The framework's defaults for every parameter. */
    public static Assumptions defaults(LocalDate asOf) {
        EnumMap<Param, Double> values = new EnumMap<>(Param.class);
        EnumMap<Param, ValueSource> sources = new EnumMap<>(Param.class);
        for (Param param : Param.values()) {
            values.put(param, param.fallback());
            sources.put(param, ValueSource.byDefault());
        }
        return new Assumptions(values, sources, asOf);
    }

    public Assumptions with(Param param, double value, ValueSource source) {
        EnumMap<Param, Double> v = new EnumMap<>(values);
        EnumMap<Param, ValueSource> s = new EnumMap<>(sources);
        v.put(param, value);
        s.put(param, source);
        return new Assumptions(v, s, asOf);
    }

    /** Applies what-if overrides (by parameter) on top of these values. */
    public Assumptions withOverrides(Map<Param, Double> overrides) {
        Assumptions result = this;
        for (Map.Entry<Param, Double> override : overrides.entrySet()) {
            result = result.with(override.getKey(), override.getValue(), ValueSource.override());
        }
        return result;
    }

    public Assumptions asOf(LocalDate date) {
        return new Assumptions(values, sources, date);
    }

    public double get(Param param) {
        return values.get(param);
    }

    public ValueSource source(Param param) {
        return sources.get(param);
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** Whether {@code param}'s value is a catalog value checked longer ago than the stale threshold allows (W6). */
    public boolean stale(Param param) {
        return source(param).staleOn(asOf, get(Param.STALE_DAYS));
    }

    public Map<Param, Double> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Loaded cost of one engineer for one month. */
    public double engineerMonthUsd() {
        return get(Param.ENGINEER_USD_PER_YEAR) / 12.0;
    }

    /** Loaded cost of one engineer for one week. */
    public double engineerWeekUsd() {
        return get(Param.ENGINEER_USD_PER_YEAR) / 52.0;
    }
}
