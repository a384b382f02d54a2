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
        long whole = wholeOrNone(value);
        if (whole != NOT_WHOLE) {
            return grouped(whole);
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

    /**
     * What the formats write for a whole number (decimals or not): ASCII digits grouped by commas in threes, a leading
     * minus; without a formatter (a list page writes a few numbers per row, and a {@code DecimalFormat} is most of their
     * cost).
     */
    public static String grouped(long value) {
        if (value > -1000 && value < 1000) {
            return Long.toString(value);
        }
        String digits = Long.toString(value);
        int sign = value < 0 ? 1 : 0;
        int length = digits.length() - sign;
        StringBuilder out = new StringBuilder(digits.length() + length / 3);
        out.append(digits, 0, sign);
        int first = length % 3 == 0 ? 3 : length % 3;
        out.append(digits, sign, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** Below this a double's whole value is exact and written by the formats without an exponent or rounding. */
    private static final double EXACT = 1e15;
    private static final long NOT_WHOLE = Long.MIN_VALUE;

    /** The value when it is a whole number {@link #grouped(long)} writes as the formats do, else {@link #NOT_WHOLE}. */
    private static long wholeOrNone(Number value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value.longValue(); // Long.MIN_VALUE itself is left to the formats
        }
        if (value instanceof Double d) {
            double v = d;
            // -0.0 is written "-0" by the formats
            return v == Math.rint(v) && Math.abs(v) < EXACT && !(v == 0 && Double.doubleToRawLongBits(v) != 0) ? (long) v : NOT_WHOLE;
        }
        if (value instanceof BigDecimal b) {
            if (b.scale() <= 0 || b.signum() == 0 || b.stripTrailingZeros().scale() <= 0) {
                return b.abs().compareTo(BigDecimal.valueOf(EXACT)) < 0 ? b.longValue() : NOT_WHOLE;
            }
        }
        return NOT_WHOLE;
    }

    private static DecimalFormat format(int decimals) {
        return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals), ROOT_SYMBOLS);
    }

    private static final DecimalFormatSymbols ROOT_SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
}
