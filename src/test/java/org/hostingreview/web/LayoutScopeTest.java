package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;
import org.hostingreview.support.FullScans;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Pages inside the layout ({@code {#include main}}) find their own data on the first scope Qute looks in
 * ({@link LayoutInclude}), and the layout itself asks for no name a page may leave unset: an error page replaces the
 * logout form by its own block instead of the layout testing {@code errorPage??} on every page.
 */
@QuarkusTest
class LayoutScopeTest {

    @Test
    void listAndFormPagesRenderWithFewFullScans() {
        SoftAssertions softly = new SoftAssertions();
        WebSession rachel = WebSession.as("rachel");
        // measured when this test was written: /proposals 0 (10 before: the status filter's loop read the query 8 times
        // through the loop, and the layout's errorPage?? 2), /account/password 18 (20 before), all of them its three
        // fields' unset parameters
        assertFewScans(softly, rachel, "/proposals", 2);
        assertFewScans(softly, rachel, "/proposals?status=APPROVED&q=support", 2);
        assertFewScans(softly, rachel, "/account/password", 20);
        softly.assertAll();
    }

    @Test
    void anErrorPageLinksToTheLogoutPageAndEveryOtherPagePostsTheLogoutForm() {
        WebSession rachel = WebSession.as("rachel");
        String missing = rachel.get("/proposals/987654321").then().statusCode(404).extract().asString();
        assertThat(missing).contains("<a href=\"/logout\">Log out</a>").doesNotContain("action=\"/logout\"")
                .contains("Rachel Kim");
        String list = rachel.get("/proposals").then().statusCode(200).extract().asString();
        assertThat(list).contains("<form method=\"post\" action=\"/logout\" class=\"whoami\">").doesNotContain("<a href=\"/logout\">");
    }

    @Test
    void theStatusFilterKeepsTheStatusItFiltersOn() {
        WebSession rachel = WebSession.as("rachel");
        String filtered = rachel.get("/proposals?status=APPROVED").then().statusCode(200).extract().asString();
        assertThat(filtered).contains("<option value=\"\">Any</option><option value=\"DRAFT\">Draft</option>")
                .contains("<option value=\"APPROVED\" selected>Approved</option>")
                .containsOnlyOnce(" selected>");
        String all = rachel.get("/proposals").then().statusCode(200).extract().asString();
        assertThat(all).contains("<option value=\"APPROVED\">Approved</option>").doesNotContain(" selected>Approved");
    }

    private static void assertFewScans(SoftAssertions softly, WebSession session, String path, long most) {
        session.get(path).then().statusCode(200);
        FullScans.Run run = FullScans.fewestOf(3, () -> session.get(path));
        softly.assertThat(run.scans()).as(path + " scanned for " + run.names()).isLessThanOrEqualTo(most);
    }
}
