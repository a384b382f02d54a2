package org.hostingreview.pricing;

import org.hostingreview.costmodel.Text;

import io.quarkus.qute.TemplateExtension;

/**
 * Counts and durations on pages worded as the cost model words them, so there is one formatter:
 * {@code {text:count(n, 'day')}} reads "1 day", "3 days"; {@code {text:duration(months)}} reads "10 days", "1.5 months".
 */
@TemplateExtension(namespace = "text")
public final class TextFormats {

    private TextFormats() {
    }

    /** "1 day", "3 days", "1,200 rows"; "—" for nothing. */
    public static String count(Number value, String singular) {
        return value == null ? "—" : Text.count(value.doubleValue(), singular);
    }

    /** A duration given in months: "10 days" below a month, else "1.5 months"; "—" for nothing. */
    public static String duration(Number months) {
        return months == null ? "—" : Text.duration(months.doubleValue());
    }
}
