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
        // the address keeps only what was changed; the page says what the change changed
        assertThat(driver.getCurrentUrl()).endsWith("?requests=300%2C000#recommendation");
        assertThat(find(By.id("what-if-change")).getText())
                .contains("the recommendation moves from Hosted open weights to Frontier closed API");
        if (width == DESKTOP) {
            assertThat(driver.findElement(By.cssSelector("svg.cost-chart")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.cssSelector("svg.cost-chart")).getAttribute("textContent")).contains("what-if: ")
                    .doesNotContain("(today)");
            assertChartTextInsideTheChart();
        } else {
            // a phone gets bars with readable text and the numbers, not the shrunken SVG
            assertThat(driver.findElement(By.cssSelector("svg.cost-chart")).isDisplayed()).isFalse();
            assertThat(find(By.id("phone-chart")).getText()).contains("Frontier closed API").contains("/month");
            assertThat(find(By.id("tier-cards")).getText()).contains("Monthly total");
        }
        assertNoSidewaysScroll();

        find(By.linkText("Back to the proposal's own figures")).click();
        assertThat(driver.findElements(By.id("what-if-change"))).isEmpty();
        assertThat(find(By.id("rec-title")).getText()).isEqualTo("Hosted open weights");
    }

    /** Every text of the cost chart lies inside the SVG's box: no label clips at the panel's edge. */
    private void assertChartTextInsideTheChart() {
        Object outside = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const svg = document.querySelector('svg.cost-chart').getBoundingClientRect();
                return [...document.querySelectorAll('svg.cost-chart text')].map(t => [t.textContent, t.getBoundingClientRect()])
                    .filter(([, r]) => r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5
                        || r.bottom > svg.bottom + 0.5).map(([text]) => text);
                """);
        assertThat((java.util.List<?>) outside).as("chart labels outside the chart").isEmpty();
        Object panel = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return [document.querySelector('svg.cost-chart').getBoundingClientRect().width,"
                        + " document.querySelector('figure.chart').getBoundingClientRect().width]");
        java.util.List<?> widths = (java.util.List<?>) panel;
        assertThat(((Number) widths.get(0)).doubleValue()).as("chart width against its panel's")
                .isGreaterThanOrEqualTo(((Number) widths.get(1)).doubleValue() - 1);
    }
}
