package org.hostingreview.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/** Reading numbers typed into forms, and writing them back into form fields and pages. */
public final class Numbers {

    private static final int MAX_LENGTH = 40;

    /**
     * The formats of {@link #grouped} for 0 to 3 decimals, one set per thread (a {@code DecimalFormat} is not thread-safe,
     * and building one parses its pattern: most of a number's cost on a list page with a few per row).
     */
    private static final int CACHED_DECIMALS = 4;
    private static final ThreadLocal<DecimalFormat[]> FORMATS = ThreadLocal.withInitial(() -> new DecimalFormat[CACHED_DECIMALS]);

    private Numbers() {
    }

    /**
     * The number in {@code text}, or empty when it is not one. Blank is empty too. Spaces, commas and
     * underscores between digits and a leading {@code $} are ignored; NaN, infinities and hex are not numbers.
     */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.strip();
        if (cleaned.startsWith("$")) {
            cleaned = cleaned.substring(1).strip();
        }
        cleaned = cleaned.replaceAll("(?<=\\d)[,_\\s\\u00a0\\u202f](?=\\d)", "");
        if (cleaned.isEmpty() || cleaned.length() > MAX_LENGTH || !cleaned.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(cleaned));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Parses text that validation already accepted; null for blank. */
    public static BigDecimal decimal(String text) {
        return isBlank(text) ? null : parse(text).orElseThrow(() -> new IllegalArgumentException("not a number: " + text));
    }

    public static Long whole(String text) {
        BigDecimal value = decimal(text);
        return value == null ? null : value.longValueExact();
    }

    public static Integer wholeInt(String text) {
        BigDecimal value = decimal(text);
        return value == null ? null : value.intValueExact();
    }

    /** A number as a form field shows it: plain digits, no exponent, no trailing zeros. */
    public static String field(Number value) {
        if (value == null) {
            return "";
        }
        BigDecimal decimal = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return decimal.stripTrailingZeros().toPlainString();
    }

    /** A number for reading: thousands separators, at most {@code decimals} decimals. */
    public static String grouped(Number value, int decimals) {
        if (value == null) {
            return "—";
        }
        if (decimals < 0 || decimals >= CACHED_DECIMALS) {
            return format(decimals).format(value);
        }
        DecimalFormat[] formats = FORMATS.get();
        if (formats[decimals] == null) {
            formats[decimals] = format(decimals);
        }
        return formats[decimals].format(value);
    }

    private static DecimalFormat format(int decimals) {
        return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals), ROOT_SYMBOLS);
    }

    private static final DecimalFormatSymbols ROOT_SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
}
