package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What a proposer types is kept: step 6 is one flow, the step sidebar saves, a new feature needs a name. */
@QuarkusTest
class NoLostInputTest {

    @Test
    void addingARunSavesTheEvalSetTypedAboveAndTheRunTakesItsSet() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "One flow", "One flow feature " + System.nanoTime());
        Map<String, Object> form = WebSession.pairs("version", ProposalFixtures.version(id), "evalSetName", "doc-classes-2k",
                "evalSetSize", "2000", "passCriterion", "exact class", "model", "llama-3-70b", "role", "CANDIDATE", "tier",
                "HOSTED_OPEN", "sampleSize", "", "scoreKind", "SCORE", "score", "87", "runDate", "2026-10-01", "notes", "");
        priya.post("/proposals/" + id + "/evals", form).then().statusCode(303).header("Location", endsWith("/steps/6#evals"));

        Proposal saved = ProposalFixtures.load(id);
        assertThat(saved.quality.evalSetName).isEqualTo("doc-classes-2k");
        assertThat(saved.quality.passCriterion).isEqualTo("exact class");
        var runs = QuarkusTransaction.requiringNew().call(() -> org.hostingreview.evaluation.EvalResult.ofProposal(id));
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.evalSet).isEqualTo("doc-classes-2k");
            assertThat(r.sampleSize).isEqualTo(2000);
        });
        priya.get("/proposals/" + id + "/steps/6").then().statusCode(200)
                .body(containsString("value=\"doc-classes-2k\"")).body(not(containsString("id=\"evalSet\"")));
    }

    @Test
    void aRefusedRunKeepsBothTheStepAndTheRunAsTyped() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Refused run", "Refused run feature " + System.nanoTime());
        Map<String, Object> form = WebSession.pairs("version", ProposalFixtures.version(id), "evalSetName", "support-500",
                "evalSetSize", "500", "passCriterion", "", "model", "qwen-2.5-72b", "role", "CANDIDATE", "tier", "HOSTED_OPEN",
                "sampleSize", "", "scoreKind", "SCORE", "score", "101", "runDate", "2026-10-01", "notes", "tried twice");
        priya.post("/proposals/" + id + "/steps/6", form).then().statusCode(400)
                .body(containsString("Enter from 0 to 100.")).body(containsString("value=\"support-500\""))
                .body(containsString("value=\"qwen-2.5-72b\"")).body(containsString("tried twice"));
    }

    @Test
    void theStepSidebarSavesTheStepAndGoesWhereItPoints() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Sidebar", "Sidebar feature " + System.nanoTime());
        Map<String, Object> spend = WebSession.pairs("version", ProposalFixtures.version(id), "currentMonthlySpendUsd", "12,345");
        priya.post("/proposals/" + id + "/steps/2?goto=5", spend).then().statusCode(303)
                .header("Location", endsWith("/proposals/" + id + "/steps/5"));
        assertThat(ProposalFixtures.load(id).spend.currentMonthlySpendUsd).isEqualByComparingTo("12345");
        priya.get("/proposals/" + id + "/steps/2").then().body(containsString("formaction=\"/proposals/" + id
                + "/steps/2?goto=5\""));
    }

    @Test
    void leavingAnUntouchedStepSavesNothingAndAnInvalidOneStaysWithItsInput() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "Untouched", "Untouched feature " + System.nanoTime());
        long before = AuditLog.maxId();
        // step 2 of a fresh draft is empty, and an empty spend is refused: leaving it as it is saves nothing
        priya.post("/proposals/" + id + "/steps/2?goto=4", WebSession.pairs("version", ProposalFixtures.version(id),
                "currentMonthlySpendUsd", "")).then().statusCode(303).header("Location", endsWith("/steps/4"));
        assertThat(AuditLog.since(before, "PROPOSAL_STEP_SAVED")).isEmpty();

        priya.post("/proposals/" + id + "/steps/2?goto=4", WebSession.pairs("version", ProposalFixtures.version(id),
                "currentMonthlySpendUsd", "lots")).then().statusCode(400)
                .body(containsString("Not saved, so you are still on this step")).body(containsString("value=\"lots\""));
    }

    @Test
    void aNewFeatureNeedsANameAndAnUnusedFeatureLeavesTheChoices() {
        WebSession priya = WebSession.as("priya");
        Map<String, Object> blank = new LinkedHashMap<>(ProposalFixtures.step1("Nameless", ""));
        priya.post("/proposals", blank).then().statusCode(400)
                .body(containsString("Name the new feature, or choose one of your team&#39;s features above."))
                .body(containsString("value=\"Nameless\""));

        String first = "Renamed away " + System.nanoTime();
        long id = ProposalFixtures.draft(priya, "Moves feature", first);
        long existing = QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(1L).feature.id);
        Map<String, Object> step1 = new LinkedHashMap<>(ProposalFixtures.step1("Moves feature", ""));
        step1.put("featureId", String.valueOf(existing));
        step1.put("version", ProposalFixtures.version(id));
        step1.put("acknowledgeDuplicate", "on");
        priya.post("/proposals/" + id + "/steps/1", step1).then().statusCode(303);

        priya.get("/proposals/new").then().statusCode(200).body(not(containsString(first)))
                .body(not(containsString("<option value=\"" + existing + "\"></option>")));
    }
}
