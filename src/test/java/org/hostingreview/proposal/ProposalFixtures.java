package org.hostingreview.proposal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hostingreview.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/** Valid answers for every intake step, and shortcuts that file proposals through the pages. */
public final class ProposalFixtures {

    private ProposalFixtures() {
    }

    public static Map<String, Object> step1(String title, String featureName) {
        return WebSession.pairs("title", title, "featureId", "new", "featureName", featureName, "featureDescription",
                "What it does", "incumbentProvider", "OpenAI", "incumbentModel", "gpt-4.1", "currentTier", "FRONTIER_CLOSED",
                "candidateModels", "llama-3-70b", "taskShape", "NARROW_HIGH_VOLUME", "requestsPerMonth", "30,000,000",
                "inputTokensPerRequest", "1000", "outputTokensPerRequest", "83", "cachedInputShare", "0", "peakToAverage", "2",
                "busyDayTokens", "", "quietDayTokens", "", "ttftTargetMs", "");
    }

    /** Valid answers of steps 2–7, by step number. */
    public static Map<Integer, Map<String, Object>> laterSteps() {
        Map<Integer, Map<String, Object>> steps = new LinkedHashMap<>();
        steps.put(2, WebSession.pairs("currentMonthlySpendUsd", "$80,000"));
        steps.put(3, WebSession.pairs("mlOpsEngineers", "0", "hiresPlanned", "yes"));
        steps.put(4, WebSession.pairs("hostedOpenTried", "no"));
        steps.put(5, WebSession.pairs("upgradeOwner", "platform team", "upgradeCadenceMonths", "6",
                "upgradeEffortEngineerMonths", "3"));
        steps.put(6, WebSession.pairs("evalSetName", "doc-classes-2k", "evalSetSize", "2000", "passCriterion", "exact class"));
        steps.put(7, WebSession.pairs("selfHostEstimateUsd", "4000"));
        return steps;
    }

    /** Creates a draft (step 1 only) and returns its id. */
    public static long draft(WebSession session, String title, String featureName) {
        Map<String, Object> form = new LinkedHashMap<>(step1(title, featureName));
        form.put("acknowledgeDuplicate", "on");
        Response response = session.post("/proposals", form);
        if (response.statusCode() != 303) {
            throw new AssertionError("Creating a draft failed: " + response.statusCode() + "\n" + response.asString());
        }
        String location = response.getHeader("Location");
        return Long.parseLong(location.replaceAll(".*/proposals/(\\d+)/steps/2$", "$1"));
    }

    /** Saves one step with the proposal's current version. */
    public static Response save(WebSession session, long id, int step, Map<String, Object> fields) {
        Map<String, Object> form = new LinkedHashMap<>(fields);
        form.put("version", version(id));
        return session.post("/proposals/" + id + "/steps/" + step, form);
    }

    /** A draft with every step answered. */
    public static long complete(WebSession session, String title, String featureName) {
        long id = draft(session, title, featureName);
        laterSteps().forEach((step, fields) -> {
            Response response = save(session, id, step, fields);
            if (response.statusCode() != 303) {
                throw new AssertionError("Step " + step + " failed: " + response.statusCode() + "\n" + response.asString());
            }
        });
        return id;
    }

    /** A proposal of {@code owner}'s costed on its own candidate model (priced by the test), submitted at the given spend. */
    public static long submittedWithCandidate(WebSession owner, String title, String model, String spend) {
        Map<String, Object> first = new LinkedHashMap<>(step1(title, title + " feature " + System.nanoTime()));
        first.put("candidateModels", model);
        first.put("acknowledgeDuplicate", "on");
        String location = owner.post("/proposals", first).getHeader("Location");
        long id = Long.parseLong(location.replaceAll(".*/proposals/(\\d+)/steps/2$", "$1"));
        Map<Integer, Map<String, Object>> steps = laterSteps();
        steps.put(2, WebSession.pairs("currentMonthlySpendUsd", spend));
        steps.forEach((step, fields) -> save(owner, id, step, fields).then().statusCode(303));
        owner.post("/proposals/" + id + "/submit", "version", version(id)).then().statusCode(303);
        return id;
    }

    public static long version(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id).version);
    }

    public static Proposal load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>findById(id));
    }

    public static List<String> stepsOf(long id) {
        Proposal p = load(id);
        return Step.answerable().stream().filter(p::isSaved).map(Step::name).toList();
    }
}
