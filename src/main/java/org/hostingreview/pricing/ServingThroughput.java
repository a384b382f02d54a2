package org.hostingreview.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * What one replica of a model serves on a GPU type at one precision and latency target: a prefill and a decode rate
 * (tokens per second), measured by a named benchmark on a date or estimated by a stated method. Older rows carry one
 * blended rate ({@code tokensPerSecond}) instead. Never changed: a correction is a newer row with the same key.
 */
@Entity
@Immutable
@Table(name = "serving_throughput")
public class ServingThroughput extends CatalogValue {

    /** Measured, or a planning estimate. */
    public enum SourceKind {
        BENCHMARK, ESTIMATE
    }

    @Column(nullable = false)
    public String model;
    @Column(nullable = false)
    public String gpu;
    /** One blended rate for input and output alike (older rows only); null when the two rates are given. */
    @Column(name = "tokens_per_second")
    public BigDecimal tokensPerSecond;
    @Column(name = "gpus_per_replica", nullable = false)
    public int gpusPerReplica;
    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false)
    public SourceKind sourceKind;
    /** FP8, BF16, INT4…; null when the row does not say. */
    public String precision;
    @Column(name = "prefill_tokens_per_second")
    public BigDecimal prefillTokensPerSecond;
    @Column(name = "decode_tokens_per_second")
    public BigDecimal decodeTokensPerSecond;
    /** The p99 time to first token the rates were measured at (or are estimated for); null: no latency limit. */
    @Column(name = "ttft_ms")
    public Integer ttftMs;
    /** The p99 inter-token latency the rates were measured at; null: no latency limit. */
    @Column(name = "itl_ms")
    public Integer itlMs;
    @Column(name = "ttft_p50_ms")
    public BigDecimal ttftP50Ms;
    @Column(name = "itl_p50_ms")
    public BigDecimal itlP50Ms;
    /** Requests per second the benchmark ran at. */
    @Column(name = "request_rate")
    public BigDecimal requestRate;
    /** The benchmark's name (or the imported report's file name). */
    public String benchmark;
    @Column(name = "measured_on")
    public LocalDate measuredOn;
    /** How an estimate was made, or what a measurement covered. */
    public String method;
    @Column(name = "source_sha256")
    public String sourceSha256;

    @Override
    String table() {
        return CatalogRef.THROUGHPUT;
    }

    /** True when the row gives a prefill and a decode rate (not one blended figure). */
    public boolean twoRates() {
        return prefillTokensPerSecond != null && decodeTokensPerSecond != null;
    }

    /** The key a newer row corrects or replaces: model, GPU, precision, latency target. */
    public String key() {
        return CatalogSnapshot.normalize(model) + "|" + gpu.toLowerCase(Locale.ROOT) + "|"
                + (precision == null ? "" : precision.toUpperCase(Locale.ROOT)) + "|" + ttftMs + "|" + itlMs;
    }

    /** "measured: GuideLLM (2026-11-30)" or "estimated: …the method". */
    public String provenance() {
        if (sourceKind == SourceKind.BENCHMARK) {
            return "measured: " + (benchmark == null ? source : benchmark) + (measuredOn == null ? "" : " (" + measuredOn + ")");
        }
        return "estimated: " + (method != null ? method : source);
    }

    /** "p99 TTFT ≤ 2,000 ms, ITL ≤ 200 ms" or "no latency limit". */
    public String latency() {
        if (ttftMs == null && itlMs == null) {
            return "no latency limit";
        }
        return "p99 " + (ttftMs == null ? "" : String.format(Locale.US, "TTFT ≤ %,d ms", ttftMs)) + (ttftMs != null && itlMs != null ? ", " : "")
                + (itlMs == null ? "" : String.format(Locale.US, "ITL ≤ %,d ms", itlMs));
    }
}
