package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The worked example growing 20% a month: the proposal, its check-ins and the dashboard show when self-hosting crosses. */
@QuarkusTest
class ForecastPageTest {

    @Test
    void threeMonthsOfSteadyGrowthProjectTheBreakEvenOnTheProposalAndTheDashboard() {
        long id = RevisitFixtures.approved("$80,000");
        double perRequest = RevisitFixtures.decidedCost(id) / 30_000_000;
        WebSession priya = WebSession.as("priya");
        long volume = 30_000_000;
        for (int back = 3; back >= 1; back--) {
            YearMonth month = YearMonth.now().minusMonths(back);
            priya.get("/proposals/" + id + "/checkins").then().statusCode(200);
            priya.post("/proposals/" + id + "/checkins", SettlingTest.month(month, volume, perRequest * volume)).then()
                    .statusCode(303);
            volume = Math.round(volume * 1.2);
        }
        String two = WebSession.as("rachel").get("/proposals/" + id).then().statusCode(200).extract().asString();

        String forecast = DemoRevisitsTest.section(two, "forecast-title");
        assertThat(forecast).contains("At this growth (+2").contains("R&sup2; 1.00 over 3 check-ins")
                .containsPattern("self-hosting crosses hosted-open around 20\\d\\d-\\d\\d").contains("S2_HYPERSCALE starts to fire")
                .contains("<svg")
                .contains("Proposed next review");
        String dashboard = WebSession.as("rachel").get("/").then().statusCode(200).extract().asString();
        assertThat(DemoRevisitsTest.section(dashboard, "forecasts-title")).contains("#" + id + " ")
                .containsPattern("around 20\\d\\d-\\d\\d");
    }

    @Test
    void twoCheckInsAreTooFewAndThePageSaysSo() {
        long id = RevisitFixtures.approved("12000");
        WebSession priya = WebSession.as("priya");
        priya.post("/proposals/" + id + "/checkins", SettlingTest.month(YearMonth.now().minusMonths(2), 30_000_000, 9000)).then()
                .statusCode(303);
        String page = priya.get("/proposals/" + id + "/checkins").then().statusCode(200).extract().asString();
        assertThat(DemoRevisitsTest.section(page, "forecast-title")).contains("Too few check-ins to project volume: 1 of the 3 "
                + "needed.").doesNotContain("<svg");
    }
}
