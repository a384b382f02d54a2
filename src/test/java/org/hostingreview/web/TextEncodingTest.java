package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every page reaches the browser as ASCII whatever its data: what a value holds beyond ASCII, Latin-1 ("é"), the rest of
 * the Basic Multilingual Plane ("—", "翻訳") and beyond it ("🚀", a surrogate pair), is written as character references
 * ({@link HtmlText}) that name exactly those characters, and the bytes are declared UTF-8 with a matching length. Pages
 * are written by {@link TextWriter}, which encodes with the JDK instead of Netty's byte-by-byte encoder.
 */
@QuarkusTest
class TextEncodingTest {

    private static final String TITLE = "Résumé — 翻訳 🚀 triage";

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+|[a-z0-9]+);");

    @Test
    void aTitleOutsideLatin1ArrivesAsReferencesToExactlyItsCharactersOnEveryPage() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, TITLE, "Encoding feature " + System.nanoTime());

        for (String path : new String[] { "/proposals/" + id, "/proposals?q=" + "翻訳", "/proposals/" + id + "/audit" }) {
            Response page = priya.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).isEqualTo("text/html;charset=UTF-8");
            byte[] body = page.asByteArray();
            assertThat(new String(body, StandardCharsets.UTF_8)).as(path + ": ASCII").matches("\\p{ASCII}*");
            String text = new String(body, StandardCharsets.US_ASCII);
            assertThat(text).as(path).contains("R&#233;sum&#233; &mdash; &#32763;&#35379; &#128640; triage");
            assertThat(shown(text)).as(path + ": what the browser shows").contains(TITLE);
            assertThat(Long.parseLong(page.getHeader("Content-Length"))).as(path).isEqualTo(body.length);
        }
    }

    @Test
    void theQueryOfASearchIsKeptInItsBoxAsTyped() {
        String page = WebSession.as("priya").get("/proposals?q=" + "Résumé 翻訳").asString();
        assertThat(page).contains("value=\"R&#233;sum&#233; &#32763;&#35379;\"");
    }

    /** The text as a browser shows it: every character reference replaced by its character. */
    private static String shown(String html) {
        Map<String, String> named = new HashMap<>();
        HtmlText.NAMED.forEach((c, name) -> named.put(name, String.valueOf(c)));
        named.putAll(Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\""));
        Matcher m = REFERENCE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String c = ref.startsWith("#") ? Character.toString(Integer.parseInt(ref.substring(1))) : named.getOrDefault(ref, m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void anErrorPageIsUtf8Too() {
        Response page = WebSession.as("priya").get("/proposals/999999999");
        assertThat(page.statusCode()).isEqualTo(404);
        byte[] body = page.asByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(Long.parseLong(page.getHeader("Content-Length"))).isEqualTo(body.length);
    }
}
