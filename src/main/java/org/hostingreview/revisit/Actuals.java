package org.hostingreview.revisit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.hostingreview.costmodel.Tier;

/** What a feature actually did over a period, however it arrived (form, API, CSV). */
public record Actuals(LocalDate periodStart, LocalDate periodEnd, long requests, int inputTokensPerRequest,
        int outputTokensPerRequest, BigDecimal spendUsd, Tier spendTier, BigDecimal observedQuality, Integer incidents,
        String notes) {

    /** Average days in a month (365 ÷ 12). */
    static final double DAYS_PER_MONTH = 30.4167;

    public long days() {
        return ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
    }

    /** The period's requests scaled to a month. */
    public long requestsPerMonth() {
        return Math.round(requests * DAYS_PER_MONTH / days());
    }

    /** "October 2026" for most of one calendar month (20 days or more within it), else the dates. */
    public static String label(LocalDate start, LocalDate end) {
        java.time.YearMonth month = java.time.YearMonth.from(end);
        if (java.time.YearMonth.from(start).equals(month) && ChronoUnit.DAYS.between(start, end) >= 19) {
            return month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + month.getYear();
        }
        return start + " to " + end;
    }

    public String periodLabel() {
        return label(periodStart, periodEnd);
    }

    /** The period's spend scaled to a month. */
    public double spendPerMonth() {
        return spendUsd.doubleValue() * DAYS_PER_MONTH / days();
    }
}
