package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hostingreview.support.AuditLog;
import org.hostingreview.support.Parallel;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Writes racing on one proposal take its row first and the trail second, so they queue instead of deadlocking: the
 * first wins, the other is told it came second (409, input kept), never a 500.
 */
@QuarkusTest
class ConcurrentWritesTest {

    @Test
    void aStepSaveRacingAWithdrawNeverDeadlocks() {
        WebSession priya = WebSession.as("priya");
        priya.csrfToken();
        for (int round = 0; round < 8; round++) {
            long id = ProposalFixtures.draft(priya, "Race " + round, "Race feature " + System.nanoTime());
            long version = ProposalFixtures.version(id);
            long auditBefore = AuditLog.maxId();
            Map<String, Object> spend = new LinkedHashMap<>(WebSession.pairs("currentMonthlySpendUsd", "12345", "version", version));
            Map<String, Object> withdraw = WebSession.pairs("reason", "Filed twice.", "version", version);

            List<Response> answers = Parallel.run(List.of(
                    () -> priya.replay().post("/proposals/" + id + "/steps/2", spend),
                    () -> priya.replay().post("/proposals/" + id + "/withdraw", withdraw)));

            assertThat(answers).extracting(Response::statusCode).as("round %d", round).containsExactlyInAnyOrder(303, 409);
            Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            boolean withdrawn = ProposalFixtures.load(id).status == ProposalStatus.WITHDRAWN;
            if (withdrawn) {
                assertThat(AuditLog.since(auditBefore, "PROPOSAL_STEP_SAVED")).isEmpty();
            } else {
                assertThat(refused.asString()).contains("Filed twice.");
                assertThat(AuditLog.since(auditBefore, "PROPOSAL_WITHDRAWN")).isEmpty();
            }
        }
    }

    @Test
    void twoSavesOfOneVersionAtOnceKeepTheFirstAndShowTheSecondItsInputWith409() {
        WebSession priya = WebSession.as("priya");
        priya.csrfToken();
        long id = ProposalFixtures.draft(priya, "Two tabs", "Two tabs feature " + System.nanoTime());
        long version = ProposalFixtures.version(id);

        List<Response> answers = Parallel.times(2, i -> priya.replay().post("/proposals/" + id + "/steps/2",
                WebSession.pairs("currentMonthlySpendUsd", String.valueOf(40_000 + i), "version", version)));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(303, 409);
        Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.asString()).containsAnyOf("40000", "40001", "40,000", "40,001").contains("saved this proposal since you opened it");
    }
}
