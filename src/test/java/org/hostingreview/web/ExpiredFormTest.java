package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A form opened in a session that has since ended says "this form expired — reload" and shows back what was typed. */
@QuarkusTest
class ExpiredFormTest {

    @Test
    void aFormFromAnEndedSessionSaysItExpiredAndKeepsTheInput() {
        WebSession before = WebSession.as("priya");
        String oldToken = before.csrfToken();
        WebSession now = WebSession.as("priya");
        now.csrfToken();

        Response refused = now.postRaw("/proposals", Map.of("csrf-token", oldToken, "title", "Invoice <b>extraction</b>",
                "featureName", "Invoices", "version", "7"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("text/html");
        String page = refused.asString();
        assertThat(page).contains("This form expired &mdash; reload").contains("Invoice &lt;b&gt;extraction&lt;/b&gt;")
                .contains("Invoices").doesNotContain(oldToken).contains("Nothing was saved");
    }

    @Test
    void theReloadLinkLeadsBackToTheFormsOwnPage() {
        assertThat(CsrfFilter.reloadTarget("http://localhost:8080/proposals/12/steps/3?x=1")).isEqualTo("/proposals/12/steps/3?x=1");
        assertThat(CsrfFilter.reloadTarget(null)).isEqualTo("/");
        assertThat(CsrfFilter.reloadTarget("http://evil.example//evil")).isEqualTo("/");
    }
}
