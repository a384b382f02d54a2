package org.hostingreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostingreview.support.Demo;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WhatIfJourneyTest extends BrowserTest {

    @Journey
    void changingTheVolumeInTheWhatIfFormChangesTheRecommendation(int width) {
        atWidth(width);
        logIn("rachel", "review-demo-1");
        open("/proposals/" + Demo.workedExample());
        assertThat(find(By.id("rec-title")).getText()).isEqualTo("Hosted open weights");
        assertPageShows("W5_QUALITY_GAP");

        type("requests", "300,000");
        find(By.xpath("//button[normalize-space()='Recompute']")).click();

        assertPageShows("what-if, not saved");
        assertThat(find(By.id("rec-title")).getText()).isEqualTo("Frontier closed API");
        assertPageShows("does not pay back in time");
        assertThat(driver.findElement(By.cssSelector("svg.cost-chart")).isDisplayed()).isTrue();

        find(By.linkText("Back to the proposal's own figures")).click();
        assertThat(find(By.id("rec-title")).getText()).isEqualTo("Hosted open weights");
    }
}
