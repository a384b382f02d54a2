package org.hostingreview.revisit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A check-in is refused with the same words whether it came from the form or the API (CheckinRules). */
@QuarkusTest
class CheckinMessagesTest {

    @Test
    void theApiAndTheFormRefuseABackwardPeriodAndTooManyTokensInTheSameWords() {
        long id = RevisitFixtures.approved("12000");
        LocalDate end = TestClock.appToday().minusDays(40);
        LocalDate start = TestClock.appToday().minusDays(10);

        Map<String, Object> form = RevisitFixtures.monthAt(30_000_000, 9000);
        form.put("periodStart", start.toString());
        form.put("periodEnd", end.toString());
        form.put("inputTokensPerRequest", "20000000");
        String page = WebSession.as("priya").post("/proposals/" + id + "/checkins", form).then().statusCode(400).extract()
                .asString();
        assertThat(page).contains(CheckinRules.END_BEFORE_START).contains(CheckinRules.TOKENS);

        JsonPath backward = given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body(String.format("{\"periodStart\": \"%s\", \"periodEnd\": \"%s\", \"requests\": 5, \"inputTokensPerRequest\": 1000,"
                        + " \"outputTokensPerRequest\": 83, \"spendUsd\": 9000}", start, end))
                .post("/api/v1/proposals/" + id + "/checkins").then().statusCode(400).extract().jsonPath();
        assertThat(backward.getString("errors.find { it.field == 'periodEnd' }.message")).isEqualTo(CheckinRules.END_BEFORE_START);

        JsonPath tokens = given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body(String.format("{\"periodStart\": \"%s\", \"periodEnd\": \"%s\", \"requests\": 5, \"inputTokensPerRequest\": 20000000,"
                        + " \"outputTokensPerRequest\": 83, \"spendUsd\": 9000}", end, start))
                .post("/api/v1/proposals/" + id + "/checkins").then().statusCode(400).extract().jsonPath();
        assertThat(tokens.getList("errors.message", String.class)).contains(CheckinRules.TOKENS);
        assertThat(RevisitFixtures.checkins(id)).isEmpty();
    }
}
