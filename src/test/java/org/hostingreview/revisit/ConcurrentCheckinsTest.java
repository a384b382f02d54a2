package org.hostingreview.revisit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.Parallel;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Check-ins racing on one decision: one lock order, so each is recorded and the decision re-opens once, never a 500. */
@QuarkusTest
class ConcurrentCheckinsTest {

    private static String day(LocalDate day, long requestsPerMonth) {
        return String.format("""
                {"periodStart": "%s", "periodEnd": "%s", "requests": %d, "inputTokensPerRequest": 1000,
                 "outputTokensPerRequest": 83, "spendUsd": %d}""", day, day, Math.round(requestsPerMonth / RevisitFixtures.DAYS_PER_MONTH),
                Math.round(60_000 / RevisitFixtures.DAYS_PER_MONTH));
    }

    private static Response post(long id, String body, String key) {
        var request = given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/proposals/" + id + "/checkins");
    }

    @Test
    void twentySimultaneousReopeningCheckinsAreAllRecordedAndReopenTheDecisionOnce() {
        long id = RevisitFixtures.approved("$80,000");
        long auditBefore = AuditLog.maxId();
        LocalDate yesterday = LocalDate.now().minusDays(1);

        List<Response> answers = Parallel.times(20, i -> post(id, day(yesterday.minusDays(i), 200_000_000L), null));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers).filteredOn(r -> r.jsonPath().getBoolean("reopened")).hasSize(1);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        assertThat(RevisitFixtures.checkins(id)).hasSize(20);
        assertThat(AuditLog.since(auditBefore, "CHECKIN_RECORDED")).hasSize(20);
        assertThat(AuditLog.since(auditBefore, "PROPOSAL_REOPENED")).hasSize(1);
    }

    @Test
    void aCheckinSentTwentyTimesAtOnceWithOneIdempotencyKeyIsRecordedOnce() {
        long id = RevisitFixtures.approved("$80,000");
        String body = day(LocalDate.now().minusDays(2), 200_000_000L);

        List<Response> answers = Parallel.times(20, i -> post(id, body, "pipeline-run-" + id));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201);
        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).extracting(r -> r.jsonPath().getLong("checkin.id")).containsOnly(
                answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().jsonPath().getLong("checkin.id"));
        assertThat(RevisitFixtures.checkins(id)).hasSize(1);
    }
}
