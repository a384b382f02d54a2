package org.hostingreview.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/**
 * How numbers, money and times read on pages: {@code {fmt:usd(spend)}}, {@code {fmt:num(requests)}}. Each takes
 * null (an unanswered question) and shows a dash.
 */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Below this a double's whole dollars are exact. */
    private static final double WHOLE_EXACTLY = 1e15;

    private Formats() {
    }

    /** Dollars: whole dollars from $100 up, cents below; "—" for nothing. */
    public static String usd(Number value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double d && Math.abs(d) >= 100 && Math.abs(d) < WHOLE_EXACTLY) {
            // whole dollars as the decimal text below rounds them: from $100 up a double's halves are exact, so its shortest
            // text and its value round alike (Math.round is half up)
            return (d < 0 ? "−" : "") + "$" + Numbers.grouped(Math.round(Math.abs(d)));
        }
        BigDecimal amount = new BigDecimal(value.toString());
        if (amount.signum() == 0) {
            return "$0";
        }
        String sign = amount.signum() < 0 ? "−" : "";
        amount = amount.abs();
        return amount.compareTo(BigDecimal.valueOf(100)) >= 0
                ? sign + "$" + Numbers.grouped(amount.setScale(0, RoundingMode.HALF_UP), 0)
                : sign + "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Thousands separators, up to two decimals. */
    public static String num(Number value) {
        return Numbers.grouped(value, 2);
    }

    /** As typed: no exponent, no trailing zeros. */
    public static String plain(Number value) {
        return value == null ? "—" : Numbers.field(value);
    }

    public static String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    public static String yesNo(Boolean value) {
        return value == null ? "—" : value ? "Yes" : "No";
    }
}
