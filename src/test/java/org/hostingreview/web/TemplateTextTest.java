package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The text an HTML template writes itself (outside its expressions) is ASCII; its punctuation is written as named
 * character references ({@code &mdash;}, {@code &middot;}, {@code &rarr;}), which the browser shows as the characters.
 * One character outside Latin-1 in a page's own text (the layout's footer had an em dash) made the JDK hold the whole
 * page in two bytes per character from there on and copy it again to make its String, and any character outside ASCII
 * made the writer encode it in a second pass instead of copying it: at 100x data a request for the review queue
 * allocated 830 KB and now 524 KB, the portfolio 742 and 489, the proposals list 437 and 273, and the young collections
 * that allocation caused were 14 % of the app's CPU. Text the data brings (a title, a model's name) is not
 * concerned here: {@link HtmlText} writes what is not ASCII of it as references. Every reference a template uses must be
 * one that {@link #KNOWN} spells out, so that a misspelt one (which a browser would show as typed) fails here.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** The named references a template may use: HTML's own four, and those a page writes its values' punctuation with. */
    private static final Set<String> KNOWN = Stream.concat(Stream.of("amp", "lt", "gt", "quot"), HtmlText.NAMED.values().stream())
            .collect(Collectors.toSet());

    private static final Pattern REFERENCE = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");

    @Test
    void everyHtmlTemplatesOwnTextIsAsciiAndItsCharacterReferencesAreKnown() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).as("the HTML templates").hasSizeGreaterThan(60);
        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            String source = Files.readString(template, StandardCharsets.UTF_8);
            String text = ownText(source);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > 127) {
                    problems.add(TEMPLATES.relativize(template) + ": '" + c + "' (U+" + String.format("%04X", (int) c)
                            + ") in the template's own text; write it as a character reference");
                }
            }
            Matcher reference = REFERENCE.matcher(text);
            while (reference.find()) {
                if (!KNOWN.contains(reference.group(1))) {
                    problems.add(TEMPLATES.relativize(template) + ": unknown reference " + reference.group());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theScanReadsExpressionsSectionsAndCommentsAsNotTheTemplatesOwnText() {
        assertThat(ownText("a {x ?: '—'} b {#if y == '→'}c{/if} {! a comment · !} d — e { f")).isEqualTo("a  b c  d — e { f");
        assertThat(ownText("{#field help='e.g. “a”.' /}&mdash;")).isEqualTo("&mdash;");
    }

    /**
     * A template's source without its expressions, section tags and comments, as Qute parses them: a brace followed by
     * something other than white space opens one (to its closing brace, outside quoted literals), {@code {!} a comment.
     */
    static String ownText(String source) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            boolean opens = c == '{' && i + 1 < source.length() && !Character.isWhitespace(source.charAt(i + 1));
            if (opens && source.charAt(i + 1) == '!') {
                int end = source.indexOf("!}", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (opens) {
                char quote = 0;
                int j = i + 1;
                for (; j < source.length(); j++) {
                    char d = source.charAt(j);
                    if (quote != 0) {
                        quote = d == quote ? 0 : quote;
                    } else if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '}') {
                        break;
                    }
                }
                i = j + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        return text.toString();
    }
}
