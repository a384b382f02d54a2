package org.hostingreview.costmodel;

import java.util.Locale;

/**
 * How the cost model and the rules write numbers into their one-line explanations: US digits and separators ("1,024",
 * "4.5"; the same as the English locale the app runs in), whatever the JVM's default locale. With {@link Locale#US}
 * the formatter needs no locale symbols; with any other locale JDK 17 builds a new {@code DecimalFormatSymbols} for
 * every call, which was 5% of the proposal page's CPU.
 */
public final class Text {

    private Text() {
    }

    /** $532.8k, $1.20M, $4,000. */
    public static String usd(double amount) {
        double abs = Math.abs(amount);
        String sign = amount < 0 ? "−" : "";
        if (abs >= 1_000_000_000) {
            return String.format(Locale.US, "%s$%.2fB", sign, abs / 1_000_000_000);
        }
        if (abs >= 1_000_000) {
            return String.format(Locale.US, "%s$%.2fM", sign, abs / 1_000_000);
        }
        if (abs >= 10_000) {
            return String.format(Locale.US, "%s$%.1fk", sign, abs / 1000);
        }
        return String.format(Locale.US, "%s$%,.0f", sign, abs);
    }

    /** 6, 1.5, 30,000: whole numbers without decimals. */
    public static String number(double value) {
        if (value != Math.rint(value)) {
            return String.valueOf(value);
        }
        if (value != 0 && Math.abs(value) < 1e15) {
            return grouped((long) value);
        }
        return String.format(Locale.US, "%,.0f", value);
    }

    /**
     * What {@code String.format(Locale.US, "%,.0f")} writes for a whole number: ASCII digits grouped by commas in threes,
     * a leading minus; without a formatter per number (counts are written on every row of several pages).
     */
    private static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) {
            out.append('-');
        }
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** Scores and ratios: 87, 4.5. */
    public static String points(double value) {
        return value == Math.rint(value) ? String.format(Locale.US, "%.0f", value) : String.format(Locale.US, "%.1f", value);
    }

    /** "1 month", "2.5 months", "0 months". */
    public static String months(double value) {
        return count(value, "month");
    }

    /** A count with its noun, singular only for exactly one: "1 GPU", "0 GPUs", "1,024 GPUs", "2.5 days". */
    public static String count(double value, String singular) {
        return count(value, singular, singular + "s");
    }

    /** A count with its noun where the plural is not the singular + "s": "1 person", "3 people". */
    public static String count(double value, String singular, String plural) {
        return number(value) + " " + (value == 1 ? singular : plural);
    }

    /**
     * The one way a duration given in months reads, everywhere: "12 days" below a month ("1 day" for less), else
     * months to one decimal ("1 month", "1.5 months").
     */
    public static String duration(double months) {
        if (months < 1) {
            return count(Math.max(1, Math.round(months * 30.4)), "day");
        }
        double rounded = Math.round(months * 10) / 10.0;
        return months(rounded);
    }
}
