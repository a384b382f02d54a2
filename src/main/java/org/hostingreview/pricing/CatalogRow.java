package org.hostingreview.pricing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.hostingreview.costmodel.ValueSource;

/** One catalog row as the pricing page lists it. */
public record CatalogRow(String ref, String key, String value, LocalDate effectiveFrom, String source, boolean sourceIsLink,
        LocalDate checkedOn, String createdBy, boolean inForce, boolean future, boolean stale, boolean corrected) {

    static List<CatalogRow> of(PricingService.History history, Set<String> inForce, LocalDate today, long staleDays,
            String table) {
        return switch (table) {
            case CatalogRef.MODEL_PRICE -> history.modelPrices().stream().map(m -> row(m,
                    m.provider + " · " + m.model + " · " + m.tier.label(),
                    String.format("$%s in · $%s out%s%s%s per 1M tokens — %s", plain(m.inputUsdPerMTok), plain(m.outputUsdPerMTok),
                            m.cachedInputUsdPerMTok == null ? "" : " · $" + plain(m.cachedInputUsdPerMTok) + " cached",
                            m.batchInputUsdPerMTok == null ? "" : " · batch $" + plain(m.batchInputUsdPerMTok) + " / $"
                                    + plain(m.batchOutputUsdPerMTok == null ? m.outputUsdPerMTok : m.batchOutputUsdPerMTok),
                            m.cacheWriteUsdPerMTok == null ? "" : " · cache write $" + plain(m.cacheWriteUsdPerMTok),
                            m.basis().label()),
                    inForce, today, staleDays, corrected(history.modelPrices(), m, x -> x.provider.toLowerCase(java.util.Locale.ROOT)
                            + "|" + CatalogSnapshot.normalize(x.model)))).toList();
            case CatalogRef.GPU_PRICE -> history.gpuPrices().stream().map(g -> row(g, g.gpu + " · " + g.memoryGb + " GB",
                    "$" + plain(g.usdPerHour) + " per GPU-hour — " + g.basis().label(), inForce, today, staleDays,
                    corrected(history.gpuPrices(), g, x -> x.gpu.toLowerCase(java.util.Locale.ROOT)))).toList();
            case CatalogRef.THROUGHPUT -> history.throughputs().stream().map(t -> row(t,
                    t.model + " on " + t.gpu + (t.precision == null ? "" : " · " + t.precision) + " · " + t.latency(),
                    t.twoRates()
                            ? String.format("prefill %s · decode %s tokens/s per replica of %d GPU%s — %s",
                                    grouped(t.prefillTokensPerSecond), grouped(t.decodeTokensPerSecond), t.gpusPerReplica,
                                    t.gpusPerReplica == 1 ? "" : "s", t.provenance())
                            : String.format("%s tokens/s per replica of %d GPU%s, one blended rate (%s)", plain(t.tokensPerSecond),
                                    t.gpusPerReplica, t.gpusPerReplica == 1 ? "" : "s",
                                    t.sourceKind.name().toLowerCase(java.util.Locale.ROOT)),
                    inForce, today, staleDays, corrected(history.throughputs(), t, ServingThroughput::key))).toList();
            default -> history.policies().stream().map(p -> row(p, p.param, plain(p.value), inForce, today, staleDays,
                    corrected(history.policies(), p, x -> x.param))).toList();
        };
    }

    private static CatalogRow row(CatalogValue v, String key, String value, Set<String> inForce, LocalDate today, long staleDays,
            boolean corrected) {
        return new CatalogRow(v.ref(), key, value, v.effectiveFrom, v.source,
                v.source.startsWith("https://") || v.source.startsWith("http://"), v.checkedOn, v.createdBy, inForce.contains(v.ref()),
                v.effectiveFrom.isAfter(today), ValueSource.stale(v.checkedOn, today, staleDays), corrected);
    }

    /** True when a newer row has the same key and the same effective date: this one was corrected. */
    private static <T extends CatalogValue> boolean corrected(List<T> rows, T row, java.util.function.Function<T, String> key) {
        String k = key.apply(row);
        return rows.stream().anyMatch(other -> other.id > row.id && other.effectiveFrom.equals(row.effectiveFrom)
                && key.apply(other).equals(k));
    }

    private static String grouped(java.math.BigDecimal value) {
        return String.format("%,.0f", value);
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
