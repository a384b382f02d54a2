package org.hostingreview.pricing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** One catalog row as the pricing page lists it. */
public record CatalogRow(String ref, String key, String value, LocalDate effectiveFrom, String source, boolean sourceIsLink,
        LocalDate checkedOn, String createdBy, boolean inForce, boolean future, boolean stale) {

    static List<CatalogRow> of(PricingService.History history, Set<String> inForce, LocalDate today, long staleDays,
            String table) {
        return switch (table) {
            case CatalogRef.MODEL_PRICE -> history.modelPrices().stream().map(m -> row(CatalogRef.of(m),
                    m.provider + " · " + m.model + " · " + m.tier.label(),
                    String.format("$%s in · $%s out%s per 1M tokens", plain(m.inputUsdPerMTok), plain(m.outputUsdPerMTok),
                            m.cachedInputUsdPerMTok == null ? "" : " · $" + plain(m.cachedInputUsdPerMTok) + " cached"),
                    m.effectiveFrom, m.source, m.checkedOn, m.createdBy, inForce, today, staleDays)).toList();
            case CatalogRef.GPU_PRICE -> history.gpuPrices().stream().map(g -> row(CatalogRef.of(g), g.gpu + " · " + g.memoryGb + " GB",
                    "$" + plain(g.usdPerHour) + " per GPU-hour", g.effectiveFrom, g.source, g.checkedOn, g.createdBy, inForce, today,
                    staleDays)).toList();
            case CatalogRef.THROUGHPUT -> history.throughputs().stream().map(t -> row(CatalogRef.of(t), t.model + " on " + t.gpu,
                    String.format("%s tokens/s per replica of %d GPU%s (%s)", plain(t.tokensPerSecond), t.gpusPerReplica,
                            t.gpusPerReplica == 1 ? "" : "s", t.sourceKind.name().toLowerCase(java.util.Locale.ROOT)),
                    t.effectiveFrom, t.source, t.checkedOn, t.createdBy, inForce, today, staleDays)).toList();
            default -> history.policies().stream().map(p -> row(CatalogRef.of(p), p.param, plain(p.value), p.effectiveFrom, p.source,
                    p.checkedOn, p.createdBy, inForce, today, staleDays)).toList();
        };
    }

    private static CatalogRow row(String ref, String key, String value, LocalDate from, String source, LocalDate checked,
            String by, Set<String> inForce, LocalDate today, long staleDays) {
        return new CatalogRow(ref, key, value, from, source, source.startsWith("https://") || source.startsWith("http://"),
                checked, by, inForce.contains(ref), from.isAfter(today), ChronoUnit.DAYS.between(checked, today) > staleDays);
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
