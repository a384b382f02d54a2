package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every page and text output reaches the browser as the UTF-8 bytes of what was rendered, whatever the characters:
 * ASCII, Latin-1 ("é", "·"), the rest of the Basic Multilingual Plane ("—", "翻訳") and beyond it ("🚀", a surrogate
 * pair). Pages are written by {@link TextWriter}, which encodes with the JDK instead of Netty's byte-by-byte encoder.
 */
@QuarkusTest
class TextEncodingTest {

    private static final String TITLE = "Résumé — 翻訳 🚀 triage";

    @Test
    void aTitleOutsideLatin1ArrivesAsItsUtf8BytesOnEveryPageAndOutput() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, TITLE, "Encoding feature " + System.nanoTime());

        for (String path : new String[] { "/proposals/" + id, "/proposals?q=" + "翻訳", "/proposals/" + id + "/audit" }) {
            Response page = priya.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).isEqualTo("text/html;charset=UTF-8");
            byte[] body = page.asByteArray();
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text).as(path).contains("Résumé — 翻訳 🚀 triage");
            assertThat(text.getBytes(StandardCharsets.UTF_8)).as(path + ": valid UTF-8, nothing replaced").isEqualTo(body);
            assertThat(Long.parseLong(page.getHeader("Content-Length"))).as(path).isEqualTo(body.length);
        }
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
