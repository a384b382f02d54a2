package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A table of hostile values posted into every field of every step (and the eval run form): the answer is
 * never a 5xx, a refused value is never stored, and whatever is echoed back is escaped.
 */
@QuarkusTest
class HostileInputTest {

    static final List<String> HOSTILE = List.of(
            "99999999999999999999999999999999", "-1", "NaN", "Infinity", "1e400", "0x1F", "١٢٣",
            "<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "' OR 1=1 --", "\u0000",
            "Ωmega 🚀 ünïcödé", "x".repeat(10_240), "{inject:csrf.token}", "${7*7}", "%00", "  ");

    WebSession priya;
    long id;

    @BeforeEach
    void draft() {
        priya = WebSession.as("priya");
        id = ProposalFixtures.draft(priya, "Hostile", "Hostile feature " + System.nanoTime());
    }

    @Test
    void everyFieldOfEveryStepSurvivesHostileInput() {
        Map<Integer, Map<String, Object>> steps = new LinkedHashMap<>();
        steps.put(1, ProposalFixtures.step1("Hostile", "Hostile feature"));
        steps.putAll(ProposalFixtures.laterSteps());
        steps.get(4).putAll(WebSession.pairs("hostedOpenProvider", "Together", "hostedOpenModel", "m",
                "hostedOpenMonthsRun", "1", "hostedOpenMonthlyCostUsd", "1", "hostedOpenQuality", "1"));
        int posts = 0;
        for (var step : steps.entrySet()) {
            for (String field : step.getValue().keySet()) {
                for (String value : HOSTILE) {
                    Map<String, Object> form = new LinkedHashMap<>(step.getValue());
                    form.put(field, value);
                    long before = ProposalFixtures.version(id);
                    Response response = ProposalFixtures.save(priya, id, step.getKey(), form);
                    posts++;
                    String where = "step " + step.getKey() + " " + field + "=" + abbreviate(value);
                    assertThat(response.statusCode()).as(where).isLessThan(500);
                    assertThat(response.asString()).as(where).doesNotContain("<script>alert").doesNotContain("<img src=x");
                    if (response.statusCode() == 400) {
                        assertThat(ProposalFixtures.version(id)).as("nothing stored for " + where).isEqualTo(before);
                    }
                }
            }
        }
        assertThat(posts).isGreaterThan(400);
        String page = priya.get("/proposals/" + id).asString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    void theEvalRunFormSurvivesHostileInput() {
        Map<String, Object> valid = WebSession.pairs("model", "m", "role", "CANDIDATE", "tier", "HOSTED_OPEN", "evalSet", "e",
                "sampleSize", "10", "scoreKind", "SCORE", "score", "50", "runDate", "2026-01-01", "notes", "");
        for (String field : valid.keySet()) {
            for (String value : HOSTILE) {
                Map<String, Object> form = new LinkedHashMap<>(valid);
                form.put(field, value);
                Response response = priya.post("/proposals/" + id + "/evals", form);
                assertThat(response.statusCode()).as(field + "=" + abbreviate(value)).isLessThan(500);
                assertThat(response.asString()).doesNotContain("<script>alert").doesNotContain("<img src=x");
            }
        }
    }

    @Test
    void missingFieldsAreMessagesNotErrors() {
        ProposalFixtures.save(priya, id, 1, Map.of()).then().statusCode(400);
        priya.post("/proposals", Map.of()).then().statusCode(400);
        priya.post("/proposals/" + id + "/evals", Map.of()).then().statusCode(400);
        priya.post("/proposals/" + id + "/withdraw", Map.of()).then().statusCode(400);
        priya.get("/proposals/" + id + "/steps/99").then().statusCode(404);
        priya.get("/proposals/not-a-number").then().statusCode(404);
        priya.get("/proposals?after=garbage&status=NOPE&team=x&sort=%3Cscript%3E").then().statusCode(200);
    }

    private static String abbreviate(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "…(" + value.length() + ")" : value;
    }
}
