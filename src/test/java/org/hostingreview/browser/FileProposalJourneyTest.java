package org.hostingreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FileProposalJourneyTest extends BrowserTest {

    @Journey
    void aProposerFilesTheWorkedExampleThroughAllEightSteps(int width) {
        atWidth(width);
        String title = "Worked example " + System.nanoTime();
        logIn("priya", "review-demo-1");
        find(By.linkText("Proposals")).click();
        find(By.linkText("New proposal")).click();

        // Step 1, with one mistake that the server sends back next to its field
        type("title", title);
        new Select(find(By.id("featureId"))).selectByValue("new");
        // a name no earlier run is close to (the duplicate check compares names by edit distance)
        type("featureName", "Journey classification " + java.util.UUID.randomUUID());
        type("incumbentProvider", "OpenAI");
        type("incumbentModel", "gpt-4.1");
        type("candidateModels", "llama-3-70b");
        find(By.cssSelector("input[name=taskShape][value=NARROW_HIGH_VOLUME]")).click();
        type("requestsPerMonth", "thirty million");
        type("inputTokensPerRequest", "1000");
        type("outputTokensPerRequest", "83");
        type("peakToAverage", "2");
        submit();
        assertPageShows("Enter a whole number, like 1200.");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("requestsPerMonth");
        assertThat(find(By.id("incumbentModel")).getAttribute("value")).isEqualTo("gpt-4.1");
        type("requestsPerMonth", "30,000,000");
        submit();

        assertPageShows("Q1_SPEND");
        assertNoSidewaysScroll();
        type("currentMonthlySpendUsd", "80000");
        // the step sidebar saves what was typed before it goes: back to step 1 and forward again keeps the spend
        sidebarStep(1);
        assertPageShows("Saved “");
        assertThat(find(By.id("incumbentModel")).getAttribute("value")).isEqualTo("gpt-4.1");
        sidebarStep(2);
        assertThat(find(By.id("currentMonthlySpendUsd")).getAttribute("value")).isEqualTo("80000");
        submit();
        assertPageShows("Q2_MLOPS");
        type("mlOpsEngineers", "0");
        find(By.id("hiresPlanned")).click();
        submit();
        assertPageShows("Q3_HOSTED_OPEN_TRIED");
        find(By.id("hostedOpenTried-no")).click();
        submit();
        assertPageShows("Q4_UPGRADE_PLAN");
        type("upgradeOwner", "platform team");
        submit();
        assertPageShows("Q5_QUALITY");
        type("evalSetName", "doc-classes-2k");
        type("evalSetSize", "2000");
        // one flow: adding a run keeps the eval set typed above, and the run is on that set
        type("model", "llama-3-70b");
        type("score", "87");
        find(By.xpath("//button[normalize-space()='Add run']")).click();
        assertPageShows("Added the eval run of llama-3-70b.");
        assertThat(find(By.id("evalSetName")).getAttribute("value")).isEqualTo("doc-classes-2k");
        assertThat(find(By.id("evals")).isDisplayed()).isTrue();
        assertThat(pageText()).contains("llama-3-70b").contains("doc-classes-2k");
        assertNoSidewaysScroll();
        submit();
        assertPageShows("Constraints and context");
        type("selfHostEstimateUsd", "4000");
        submit();

        assertPageShows("Summary and submit");
        assertPageShows("$80,000 per month");
        find(By.xpath("//button[normalize-space()='Submit for review']")).click();
        assertPageShows("Submitted for review.");

        find(By.linkText("Proposals")).click();
        WebElement row = find(By.xpath("//tr[td/a[contains(., '" + title + "')]]"));
        assertThat(row.getText()).contains("Submitted").contains("30,000,000").contains("$80,000")
                .containsAnyOf("Hosted open weights", "Frontier closed API", "Self-hosted open weights");
        assertNoSidewaysScroll();
    }

    /** Clicks step {@code number} in the step sidebar (a button that saves the step, then goes there). */
    private void sidebarStep(int number) {
        find(By.cssSelector("nav.progress button[formaction$='goto=" + number + "']")).click();
        waitForPath(path().replaceAll("/steps/\\d$", "/steps/" + number));
    }

    private void submit() {
        find(By.cssSelector("main form[method=post] button.primary")).click();
    }
}
