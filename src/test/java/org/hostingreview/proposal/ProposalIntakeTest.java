package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hostingreview.audit.AuditEvent;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ProposalIntakeTest {

    @Test
    void creatingADraftRedirectsToTheFirstQuestionAndIsAudited() {
        WebSession priya = WebSession.as("priya");
        long before = AuditLog.maxId();
        Map<String, Object> form = new LinkedHashMap<>(ProposalFixtures.step1("Classifier to hosted-open", "Classifier " + System.nanoTime()));

        Response created = priya.post("/proposals", form);

        created.then().statusCode(303).header("Location", org.hamcrest.Matchers.matchesPattern(".*/proposals/\\d+/steps/2"));
        long id = Long.parseLong(created.getHeader("Location").replaceAll(".*/proposals/(\\d+)/steps/2", "$1"));
        priya.get("/proposals/" + id + "/steps/2").then().statusCode(200)
                .body(containsString("created. Next: the five questions."))
                .body(containsString("Q1_SPEND"))
                .body(containsString("Under $30k/month the self-hosting maths probably doesn"));
        Proposal p = ProposalFixtures.load(id);
        assertThat(p.status).isEqualTo(ProposalStatus.DRAFT);
        assertThat(p.workload.requestsPerMonth).isEqualTo(30_000_000L);
        assertThat(AuditLog.since(before, "PROPOSAL_CREATED")).hasSize(1);
        assertThat(AuditLog.since(before, "FEATURE_CREATED")).hasSize(1);
    }

    @Test
    void savingAStepAuditsBeforeAndAfterAndMovesOn() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Audit me", "Audit feature " + System.nanoTime());
        ProposalFixtures.save(priya, id, 2, WebSession.pairs("currentMonthlySpendUsd", "80000")).then().statusCode(303);
        long before = AuditLog.maxId();

        ProposalFixtures.save(priya, id, 2, WebSession.pairs("currentMonthlySpendUsd", "95,500.50"))
                .then().statusCode(303).header("Location", endsWith("/proposals/" + id + "/steps/3"));

        AuditEvent event = AuditLog.since(before, "PROPOSAL_STEP_SAVED").get(0);
        assertThat(event.entityId).isEqualTo(String.valueOf(id));
        assertThat(event.details).containsEntry("step", 2)
                .containsEntry("changes", Map.of("currentMonthlySpendUsd", Map.of("from", "80000", "to", "95500.5")));
        assertThat(ProposalFixtures.load(id).spend.currentMonthlySpendUsd).isEqualByComparingTo("95500.50");
    }

    @Test
    void eachKindOfBadValueIsAFieldMessageAndNothingIsSaved() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Validation", "Validation feature " + System.nanoTime());
        long version = ProposalFixtures.version(id);
        Map<String, String> expectations = Map.of(
                "requestsPerMonth=abc", "Enter a whole number, like 1200.",
                "requestsPerMonth=-5", "Enter from 1 to 1,000,000,000,000 requests per month.",
                "requestsPerMonth=1000000000001", "Enter from 1 to 1,000,000,000,000 requests per month.",
                "inputTokensPerRequest=10000001", "Enter from 0 to 10,000,000 tokens.",
                "outputTokensPerRequest=1.5", "Enter a whole number, without decimals.",
                "cachedInputShare=1.2", "Enter a share from 0 to 1",
                "peakToAverage=NaN", "Enter a number, like 0.25 or 1200.",
                "title=", "Give the proposal a title.",
                "incumbentModel=" + "x".repeat(81), "Use at most 80 characters.");
        expectations.forEach((assignment, message) -> {
            String[] parts = assignment.split("=", 2);
            Map<String, Object> form = new LinkedHashMap<>(ProposalFixtures.step1("Validation", "ignored"));
            form.put("featureId", "");
            form.put("featureName", "Validation feature");
            form.put(parts[0], parts[1]);
            form.put("version", version);
            Response response = priya.post("/proposals/" + id + "/steps/1", form);
            assertThat(response.statusCode()).as(assignment).isEqualTo(400);
            assertThat(response.asString()).as(assignment).contains(message).contains("id=\"" + parts[0] + "-error\"");
            if (!parts[1].isEmpty() && parts[1].length() < 40) {
                assertThat(response.asString()).as("input kept for " + assignment).contains("value=\"" + parts[1] + "\"");
            }
        });
        assertThat(ProposalFixtures.version(id)).isEqualTo(version);

        ProposalFixtures.save(priya, id, 3, WebSession.pairs("mlOpsEngineers", "two", "hiresPlanned", "maybe"))
                .then().statusCode(400).body(containsString("Enter a whole number")).body(containsString("Say whether hires are planned."));
        ProposalFixtures.save(priya, id, 4, WebSession.pairs("hostedOpenTried", "yes", "hostedOpenQuality", "101"))
                .then().statusCode(400).body(containsString("Name the provider you tried."))
                .body(containsString("Enter a score from 0 to 100."));
        ProposalFixtures.save(priya, id, 6, WebSession.pairs("evalSetName", "", "evalSetSize", "0"))
                .then().statusCode(400).body(containsString("Name your eval set, or tick"));
        assertThat(ProposalFixtures.stepsOf(id)).containsExactly("FEATURE_AND_WORKLOAD");
    }

    @Test
    void anotherTeamsProposalIsNotFoundForAProposerButVisibleToReviewers() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Private to Document AI", "Private feature " + System.nanoTime());
        WebSession omar = WebSession.as("omar");

        omar.get("/proposals/" + id).then().statusCode(404).body(not(containsString("Private to Document AI")));
        omar.get("/proposals/" + id + "/steps/2").then().statusCode(404);
        ProposalFixtures.save(omar, id, 2, WebSession.pairs("currentMonthlySpendUsd", "1")).then().statusCode(404);
        omar.post("/proposals/" + id + "/withdraw", "reason", "mine now", "version", 0).then().statusCode(404);
        omar.get("/proposals?q=Private+to+Document").then().statusCode(200).body(not(containsString("Private to Document AI")));
        assertThat(ProposalFixtures.load(id).spend.currentMonthlySpendUsd).isNull();

        WebSession.as("rachel").get("/proposals/" + id).then().statusCode(200).body(containsString("Private to Document AI"));
        WebSession.as("rachel").get("/proposals/" + id + "/steps/2").then().statusCode(403);
    }

    @Test
    void theSecondOfTwoConcurrentEditsGetsAConflictWithItsInputKept() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Concurrent", "Concurrent feature " + System.nanoTime());
        long seen = ProposalFixtures.version(id);
        WebSession rachelAsColleague = WebSession.as("priya");

        priya.post("/proposals/" + id + "/steps/2", "currentMonthlySpendUsd", "1000", "version", seen).then().statusCode(303);
        Response second = rachelAsColleague.post("/proposals/" + id + "/steps/2", "currentMonthlySpendUsd", "2222",
                "version", seen);

        second.then().statusCode(409).body(containsString("priya saved this proposal since you opened it"))
                .body(containsString("value=\"2222\""));
        assertThat(ProposalFixtures.load(id).spend.currentMonthlySpendUsd).isEqualByComparingTo("1000");
    }

    @Test
    void submitListsTheMissingStepsThenSubmitsWhenComplete() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Submit me", "Submit feature " + System.nanoTime());

        priya.post("/proposals/" + id + "/submit", "version", ProposalFixtures.version(id)).then().statusCode(400)
                .body(containsString("Not ready to submit"))
                .body(containsString("href=\"/proposals/" + id + "/steps/2\""))
                .body(containsString("Step 7: Constraints and context"));
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.DRAFT);

        ProposalFixtures.laterSteps().forEach((step, fields) -> ProposalFixtures.save(priya, id, step, fields));
        long before = AuditLog.maxId();
        priya.post("/proposals/" + id + "/submit", "version", ProposalFixtures.version(id)).then().statusCode(303);

        priya.get("/proposals/" + id).then().body(containsString("Submitted for review.")).body(containsString(">Submitted<"));
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(AuditLog.since(before, "PROPOSAL_SUBMITTED")).hasSize(1);
        ProposalFixtures.save(priya, id, 2, WebSession.pairs("currentMonthlySpendUsd", "1")).then().statusCode(409);
    }

    @Test
    void noEvalYetIsAnHonestAnswerThatStillAllowsSubmitting() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "No eval", "No eval feature " + System.nanoTime());
        Map<Integer, Map<String, Object>> steps = ProposalFixtures.laterSteps();
        steps.put(6, WebSession.pairs("noEvalYet", "on"));
        steps.forEach((step, fields) -> ProposalFixtures.save(priya, id, step, fields).then().statusCode(303));

        priya.post("/proposals/" + id + "/submit", "version", ProposalFixtures.version(id)).then().statusCode(303);
        assertThat(ProposalFixtures.load(id).quality.noEvalYet).isTrue();
    }

    @Test
    void withdrawingNeedsAReasonAndIsAudited() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Withdraw me", "Withdraw feature " + System.nanoTime());

        priya.post("/proposals/" + id + "/withdraw", "reason", " ", "version", ProposalFixtures.version(id))
                .then().statusCode(400).body(containsString("Say why the proposal is withdrawn."));
        long before = AuditLog.maxId();
        priya.post("/proposals/" + id + "/withdraw", "reason", "Superseded by the platform plan", "version",
                ProposalFixtures.version(id)).then().statusCode(303);

        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(AuditLog.since(before, "PROPOSAL_WITHDRAWN").get(0).details)
                .containsEntry("reason", "Superseded by the platform plan");
        priya.get("/proposals/" + id).then().body(containsString("Superseded by the platform plan"));
    }

    @Test
    void aCloseFeatureNameWarnsWithALinkAndTheUserMayContinue() {
        WebSession omar = WebSession.as("omar");
        String name = "Ticket summariser " + System.nanoTime();
        long first = ProposalFixtures.draft(omar, "First", name);
        long before = AuditLog.maxId();

        Map<String, Object> again = new LinkedHashMap<>(ProposalFixtures.step1("Second", name.toLowerCase() + "!"));
        omar.post("/proposals", again).then().statusCode(200)
                .body(containsString("Is this a duplicate?"))
                .body(containsString("href=\"/proposals/" + first + "\""))
                .body(containsString("name=\"acknowledgeDuplicate\" value=\"on\""));
        assertThat(AuditLog.since(before, "PROPOSAL_CREATED")).isEmpty();

        again.put("acknowledgeDuplicate", "on");
        omar.post("/proposals", again).then().statusCode(303);
        assertThat(AuditLog.since(before, "PROPOSAL_CREATED")).hasSize(1);
    }

    @Test
    void evalRunsAreValidatedAndTheLatestPerModelCounts() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Evals", "Eval feature " + System.nanoTime());
        Map<String, Object> run = WebSession.pairs("model", "llama-3-70b", "role", "CANDIDATE", "tier", "HOSTED_OPEN",
                "evalSet", "doc-classes-2k", "sampleSize", "2000", "scoreKind", "SCORE", "score", "85", "runDate", "2026-10-01",
                "notes", "first try");
        priya.post("/proposals/" + id + "/evals", run).then().statusCode(303);
        Map<String, Object> later = new LinkedHashMap<>(run);
        later.put("score", "87");
        later.put("runDate", "2026-11-01");
        priya.post("/proposals/" + id + "/evals", later).then().statusCode(303);
        Map<String, Object> bad = new LinkedHashMap<>(run);
        bad.put("score", "101");
        bad.put("runDate", "2999-01-01");
        priya.post("/proposals/" + id + "/evals", bad).then().statusCode(400)
                .body(containsString("Enter from 0 to 100.")).body(containsString("The run cannot be in the future."));

        List<org.hostingreview.evaluation.EvalResult> counting = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> org.hostingreview.evaluation.EvalResult.latestPerModel(
                        org.hostingreview.evaluation.EvalResult.ofProposal(id)));
        assertThat(counting).singleElement().satisfies(r -> assertThat(r.score).isEqualByComparingTo(new BigDecimal("87")));
        assertThat(AuditLog.of("EVAL_ADDED")).anySatisfy(e -> assertThat(e.entityId).isEqualTo(String.valueOf(id)));
    }

    @Test
    void anEvalRunOnTheZeroToOneScaleIsCheckedOnItAndNeverComparedWithPercentages() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Scales", "Scale feature " + System.nanoTime());
        Map<String, Object> run = WebSession.pairs("model", "gpt-4.1", "role", "INCUMBENT", "tier", "FRONTIER_CLOSED",
                "evalSet", "doc-classes-2k", "sampleSize", "2000", "scoreKind", "FRACTION", "score", "91", "runDate", "2026-10-01",
                "notes", "");
        priya.post("/proposals/" + id + "/evals", run).then().statusCode(400)
                .body(containsString("A score from 0 to 1: enter it as 0.87, or choose Score (0&ndash;100)."))
                .body(containsString("value=\"91\""));
        Map<String, Object> fraction = new LinkedHashMap<>(run);
        fraction.put("score", "0.91");
        priya.post("/proposals/" + id + "/evals", fraction).then().statusCode(303);
        priya.post("/proposals/" + id + "/evals", WebSession.pairs("model", "llama-3-70b", "role", "CANDIDATE", "tier", "HOSTED_OPEN",
                "evalSet", "doc-classes-2k", "sampleSize", "2000", "scoreKind", "SCORE", "score", "87", "runDate", "2026-10-01",
                "notes", "")).then().statusCode(303);
        String page = priya.get("/proposals/" + id).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("W5_QUALITY_GAP").doesNotContain("points short")
                .contains("is not compared with gpt-4.1&#39;s (0.91, 0&ndash;1): they are on another scale or eval set.");
    }

    @Test
    void theListFiltersSearchesAndPagesWithoutOffset() {
        WebSession victor = WebSession.as("victor");
        String tag = "Paged" + System.nanoTime();
        for (int i = 0; i < 23; i++) {
            ProposalFixtures.draft(victor, tag + " proposal " + i, tag + " feature " + i);
        }

        Response first = victor.get("/proposals?q=" + tag);
        first.then().statusCode(200);
        String body = first.asString();
        assertThat(countOf(body, tag + " proposal ")).isEqualTo(20);
        assertThat(body).contains(tag + " proposal 22").doesNotContain(tag + " proposal 2<").contains("rel=\"next\"");
        String next = body.replaceAll("(?s).*href=\"(/proposals\\?[^\"]*after=[^\"]+)\" rel=\"next\".*", "$1")
                .replace("&amp;", "&");

        String second = victor.get(next).asString();
        assertThat(countOf(second, tag + " proposal ")).isEqualTo(3);
        assertThat(second).contains(tag + " proposal 0<").doesNotContain("rel=\"next\"");

        victor.get("/proposals?q=" + tag + "&status=SUBMITTED").then().body(not(containsString(tag + " proposal")));
        WebSession.as("priya").get("/proposals?q=" + tag).then().body(not(containsString(tag + " proposal")));
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
