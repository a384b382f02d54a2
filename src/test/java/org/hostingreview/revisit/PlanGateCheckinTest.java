package org.hostingreview.revisit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.recommendation.PlanStep;
import org.hostingreview.review.Review;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The engine's real plan, frozen with the decision: a check-in that reaches the destination's volume gate re-opens it. */
@QuarkusTest
class PlanGateCheckinTest {

    @Test
    void aCheckinAtTheDestinationsVolumeOpensTheGate() {
        long id = RevisitFixtures.approved("$80,000");
        PlanStep destination = QuarkusTransaction.requiringNew().call(() -> {
            Review decision = Review.<Review>find("proposal.id = ?1 and verdict = 'APPROVE' and completesDecision = true order by id desc",
                    id).firstResult();
            return decision.snapshot.plan().stream().filter(s -> s.stage() == PlanStep.Stage.DESTINATION).findFirst().orElseThrow();
        });
        assertThat(destination.tier()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(destination.gate()).isEqualTo(PlanStep.Gate.VOLUME);
        long gate = destination.fromRequestsPerMonth();

        LocalDate end = TestClock.appToday().minusDays(1);
        String body = String.format("""
                {"periodStart": "%s", "periodEnd": "%s", "requests": %d, "inputTokensPerRequest": 1000,
                 "outputTokensPerRequest": 83, "spendUsd": 1000, "observedQuality": 90, "notes": "growth"}""",
                end.minusDays(29), end, Math.round(gate * 1.02 * 30 / RevisitFixtures.DAYS_PER_MONTH));
        JsonPath json = given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body(body).post("/api/v1/proposals/" + id + "/checkins").then().statusCode(201).extract().jsonPath();

        assertThat(json.getBoolean("reopened")).isTrue();
        assertThat(json.getList("reasons", String.class)).contains("GATE_OPENED");
        assertThat(json.getList("explanations", String.class))
                .anySatisfy(e -> assertThat(e).contains("reach the plan's destination step (Self-hosted open weights from "
                        + String.format("%,d", gate)));
    }
}
