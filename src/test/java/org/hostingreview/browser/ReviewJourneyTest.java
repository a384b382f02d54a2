package org.hostingreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.WebSession;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReviewJourneyTest extends BrowserTest {

    @Journey
    void aReviewerApprovesFromTheQueueAndTheProposerSeesTheFrozenDecision(int width) {
        atWidth(width);
        WebSession priya = WebSession.as("priya");
        String title = "Journey review " + System.nanoTime();
        long id = ProposalFixtures.draft(priya, title, "Journey review feature " + System.nanoTime());
        Map<Integer, Map<String, Object>> steps = ProposalFixtures.laterSteps();
        steps.put(2, WebSession.pairs("currentMonthlySpendUsd", "3000"));
        steps.forEach((step, fields) -> ProposalFixtures.save(priya, id, step, fields));
        priya.post("/proposals/" + id + "/submit", "version", ProposalFixtures.version(id)).then().statusCode(303);

        logIn("rachel", "review-demo-1");
        find(By.linkText("Reviews")).click();
        find(By.partialLinkText(title)).click();
        find(By.cssSelector("input[name=verdict][value=APPROVE]")).click();
        type("rv-rationale", "Hosted-open is far cheaper and the quality gap is small.");
        find(By.xpath("//button[normalize-space()='Record review']")).click();
        assertPageShows("Review recorded: the proposal is approved.");

        find(By.cssSelector("form[action='/logout'] button")).click();
        logIn("priya", "review-demo-1");
        open("/proposals");
        assertThat(find(By.xpath("//tr[td/a[contains(., '" + title + "')]]")).getText()).contains("Approved");
        find(By.partialLinkText(title)).click();
        assertPageShows("Decided: Hosted open weights");
        find(By.linkText("the frozen decision")).click();
        assertPageShows("Decision: Hosted open weights");
        assertPageShows("Hosted-open is far cheaper and the quality gap is small.");
        open("/proposals/" + id + "/audit");
        assertPageShows("REVIEW_RECORDED");
        assertPageShows("PROPOSAL_STATUS_CHANGED");
    }
}
