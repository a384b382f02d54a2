package org.hostingreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostingreview.support.Demo;
import org.openqa.selenium.By;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An admin and reviewer walks every list and detail page (axe-core checks each one, see {@link BrowserTest}):
 * at 390 px nothing scrolls sideways and the tables read as labelled cards with the key columns first.
 */
@QuarkusTest
class EveryPageJourneyTest extends BrowserTest {

    @Journey
    void everyPageReadsWellAtThisWidth(int width) {
        atWidth(width);
        logIn("dana", "review-demo-1");
        for (String page : new String[] { "/", "/proposals", "/portfolio", "/reviews", "/pricing", "/audit", "/admin/users",
                "/account", "/proposals/" + Demo.workedExample(), "/proposals/" + Demo.workedExample() + "/checkins",
                "/proposals/" + Demo.workedExample() + "/changes", "/proposals/" + Demo.workedExample() + "/decision",
                "/proposals/" + Demo.workedExample() + "/audit" }) {
            open(page);
            assertNoSidewaysScroll();
        }

        open("/portfolio");
        assertThat(find(By.id("portfolio-difference")).getText()).containsAnyOf("Saving under the recommendations",
                "Extra cost under the recommendations", "Difference");
        open("/proposals");
        if (width == PHONE) {
            // a card: the title first, then status, recommended and decided, each with its label
            assertThat(find(By.cssSelector("table.stacked tbody tr td[data-label='Recommended now']")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.cssSelector("table.stacked thead")).getRect().getWidth()).isLessThanOrEqualTo(1);
        }

        open("/proposals/" + Demo.workedExample() + "/audit");
        assertThat(pageText()).contains("Priya Natarajan submitted #" + Demo.workedExample() + " for review.");

        long omar = QuarkusTransaction.requiringNew()
                .call(() -> org.hostingreview.account.UserAccount.findFull("omar").orElseThrow().id);
        open("/admin/users");
        find(By.cssSelector("a[href='/admin/users/" + omar + "/deactivate']")).click();
        assertPageShows("signed out everywhere at once");
        find(By.linkText("Cancel")).click();
        waitForPath("/admin/users");
        assertNoSidewaysScroll();
    }
}
