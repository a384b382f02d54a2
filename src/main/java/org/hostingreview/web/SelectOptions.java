package org.hostingreview.web;

import java.util.List;

import io.quarkus.qute.RawString;

/**
 * The {@code <option>}s of a long select (every team of the organisation, 200 at 100× data) written once, escaped as
 * a page escapes a value ({@link HtmlText}), so that a page evaluates one expression for the list instead of three per
 * option: the teams' filter was most of the cost of a list page with few rows.
 */
public final class SelectOptions {

    /** One option: its value, what it says, and whether it is the selected one. */
    public record Option(String value, String label, boolean selected) {
    }

    private SelectOptions() {
    }

    /** The options as HTML, for {@code {options}} inside a {@code <select>} (a {@link RawString}: Qute writes it as is). */
    public static RawString of(List<Option> options) {
        StringBuilder html = new StringBuilder(options.size() * 48);
        for (Option o : options) {
            html.append("<option value=\"");
            escape(html, o.value());
            html.append('"');
            if (o.selected()) {
                html.append(" selected");
            }
            html.append('>');
            escape(html, o.label());
            html.append("</option>");
        }
        return new RawString(html.toString());
    }

    /** As a page writes a value ({@link HtmlText}). */
    static void escape(StringBuilder out, String text) {
        HtmlText.escape(out, text);
    }
}
