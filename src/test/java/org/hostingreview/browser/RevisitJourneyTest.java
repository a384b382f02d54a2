package org.hostingreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RevisitJourneyTest extends BrowserTest {

    @Journey
    void aCheckInReopensTheDecisionAndAReviewerReaffirmsItFromTheDashboard(int width) {
        atWidth(width);
        long id = ReviewFixtures.submitted("priya", "12000");
        String title = "#" + id + " Review me 12000";
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", null, null).then().statusCode(303);

        logIn("priya", "review-demo-1");
        open("/proposals/" + id);
        find(By.linkText("Check-ins")).click();
        setDate("periodStart", TestClock.appToday().minusDays(30));
        setDate("periodEnd", TestClock.appToday().minusDays(1));
        type("requests", "197,260,274");
        type("spendUsd", "59,770");
        // the token sizes start at the decided workload's
        assertThat(find(By.id("inputTokensPerRequest")).getAttribute("value")).isEqualTo("1000");
        assertThat(find(By.id("outputTokensPerRequest")).getAttribute("value")).isEqualTo("83");
        assertNoSidewaysScroll();
        find(By.xpath("//button[normalize-space()='Record check-in']")).click();
        assertPageShows("It re-opened the decision");
        assertPageShows("VOLUME_DOUBLED");
        assertNoSidewaysScroll();
        find(By.cssSelector("form[action='/logout'] button")).click();

        logIn("dana", "review-demo-1");
        WebElement reopened = find(By.id("reopened"));
        assertThat(reopened.getText()).contains(title).contains("S2_HYPERSCALE");
        reopened.findElement(By.partialLinkText(title)).click();
        assertPageShows("What changed since approval");
        assertThat(find(By.id("workload-deltas")).getText()).contains("30,000,000").contains("+567%");
        find(By.linkText("Re-review")).click();
        find(By.cssSelector("input[name=verdict][value=APPROVE]")).click();
        assertThat(pageText()).contains("Reaffirm (approve again)");
        type("rv-rationale", "Volume grew but hosted-open still wins; we'll revisit self-hosting at the next review.");
        LocalDate next = TestClock.appToday().plusDays(45);
        setDate("rv-nextReviewOn", next);
        find(By.xpath("//button[normalize-space()='Record review']")).click();
        // Decided on the observed workload (about $60k a month at stake), the reaffirmation needs a second reviewer.
        assertPageShows("Approval recorded: 1 of 2 approvals.");
        var pending = ReviewFixtures.reviewsOf(id).get(ReviewFixtures.reviewsOf(id).size() - 1);
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", pending.chosenTier.name(), null, "justification",
                "Agreed with Dana.").then().statusCode(303);
        open("/proposals/" + id);
        assertPageShows("next review " + next);
        open("/");
        assertThat(pageText()).doesNotContain(title);
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find(By.id(id)), date.toString());
    }
}
