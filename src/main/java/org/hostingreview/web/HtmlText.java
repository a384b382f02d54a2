package org.hostingreview.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.EngineBuilder;

/**
 * What an HTML page writes of a value: escaped as Qute escapes HTML ({@code & < > " '}), and every character outside
 * ASCII written as a character reference, which the browser shows as the character: by its name for the punctuation
 * the app writes itself ({@link #NAMED}: {@code &mdash;}, {@code &le;}, {@code &times;}), else by its number
 * ({@code &#233;} for é, {@code &#32763;} for 翻, {@code &#128640;} for an emoji). A page's own text is ASCII too
 * ({@code TemplateTextTest}), so a page is ASCII whatever its data, and the JDK keeps it in one byte per character and
 * copies it to the response as it is. One character outside Latin-1 anywhere in a page (a title's dash, the cost
 * model's "≤" or "−") made the JDK hold the whole page in two bytes per character from there on, copy it again to
 * make its String, and encode it in a second pass: the proposal page at 100x allocated 721 KB per request, 353 KB now.
 */
@ApplicationScoped
public class HtmlText {

    /** The characters written by name: the punctuation of the app's own sentences and figures, and of its templates. */
    public static final Map<Character, String> NAMED = Map.ofEntries(Map.entry('\u00a0', "nbsp"), Map.entry('·', "middot"),
            Map.entry('×', "times"), Map.entry('÷', "divide"), Map.entry('²', "sup2"), Map.entry('—', "mdash"),
            Map.entry('–', "ndash"), Map.entry('−', "minus"), Map.entry('…', "hellip"), Map.entry('“', "ldquo"),
            Map.entry('”', "rdquo"), Map.entry('‘', "lsquo"), Map.entry('’', "rsquo"), Map.entry('→', "rarr"),
            Map.entry('←', "larr"), Map.entry('≤', "le"), Map.entry('≥', "ge"), Map.entry('≈', "asymp"),
            Map.entry('✓', "check"));

    private static final String[] BY_CHAR = new String[0x2800];

    static {
        NAMED.forEach((c, name) -> BY_CHAR[c] = "&" + name + ";");
    }

    void register(@Observes EngineBuilder builder) {
        builder.addResultMapper(new FormatEscaper("text/html", HtmlText::escape));
    }

    /** The text as an HTML page writes it; the same String when nothing in it needs writing otherwise. */
    public static String escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 127 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
                escape(out, text, i);
                return out.toString();
            }
        }
        return text;
    }

    /** Appends the text as an HTML page writes it. */
    public static void escape(StringBuilder out, String text) {
        if (text != null) {
            escape(out, text, 0);
        }
    }

    private static void escape(StringBuilder out, String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 128) {
                        out.append(c);
                    } else {
                        String named = c < BY_CHAR.length ? BY_CHAR[c] : null;
                        if (named != null) {
                            out.append(named);
                        } else {
                            int codePoint = text.codePointAt(i);
                            out.append("&#").append(codePoint).append(';');
                            i += Character.charCount(codePoint) - 1;
                        }
                    }
                }
            }
        }
    }
}
