package org.hostingreview.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class EstimateApiTest {

    /** The request of the appendix, verbatim. */
    static final String WORKED_EXAMPLE = """
            {
              "workload": {"requestsPerMonth": 30000000, "inputTokensPerRequest": 1000, "outputTokensPerRequest": 83,
                           "cachedInputShare": 0.0, "peakToAverage": 2.0, "ttftTargetMs": null},
              "answers": {"currentMonthlySpendUsd": 80000, "mlOpsEngineers": 0, "hiresPlanned": true,
                          "hostedOpenMonthsRun": 0, "upgradeOwner": "platform team", "evalSet": "doc-classes-2k",
                          "selfHostEstimateUsd": 4000, "currentTier": "FRONTIER_CLOSED"},
              "constraints": {"dataResidency": false, "airGapped": false, "reproducibilityRequired": false,
                              "customWeights": false, "broadCapabilities": false, "iteratingFast": false,
                              "aiInfraCompany": false, "sovereign": false, "moatFineTune": false},
              "evals": [{"model": "gpt-4.1", "role": "INCUMBENT", "score": 91},
                        {"model": "llama-3-70b", "role": "CANDIDATE", "score": 87}],
              "assumptions": {"frontierInputUsdPerMTok": 2.0, "frontierOutputUsdPerMTok": 8.0,
                              "hostedOpenInputUsdPerMTok": 0.28, "hostedOpenOutputUsdPerMTok": 0.28,
                              "gpuUsdPerHour": 2.74, "gpusPerReplica": 2, "replicaTokensPerSecond": 30000,
                              "headroom": 0.8, "spareReplicas": 1, "minReplicas": 2,
                              "mlOpsFtesRequired": 2, "engineerUsdPerYear": 300000, "upgradeCadenceMonths": 6,
                              "engineerMonthsPerUpgrade": 3, "toolingUsdPerMonth": 0, "buildEngineerMonths": 12,
                              "migrationEngineerWeeks": 4}
            }
            """;

    private static RequestSpecification api() {
        return given().auth().preemptive().basic("omar", WebSession.DEMO_PASSWORD).contentType("application/json");
    }

    @Test
    void theAppendixRequestGivesTheAppendixFigures() {
        JsonPath json = api().body(WORKED_EXAMPLE).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath();

        assertThat(json.getString("recommendedTier")).isEqualTo("HOSTED_OPEN");
        assertThat(json.getString("runnerUpTier")).isEqualTo("SELF_HOSTED");
        assertThat(json.getDouble("tiers.find { it.tier == 'FRONTIER_CLOSED' }.monthlyCost")).isCloseTo(79_920, within(1.0));
        assertThat(json.getDouble("tiers.find { it.tier == 'HOSTED_OPEN' }.monthlyCost")).isCloseTo(9_097.2, within(1.0));
        assertThat(json.getDouble("tiers.find { it.tier == 'SELF_HOSTED' }.monthlyCost")).isCloseTo(74_501.2, within(1.0));
        List<Map<String, Object>> lineItems = json.getList("tiers.find { it.tier == 'SELF_HOSTED' }.lineItems");
        assertThat(lineItems).extracting(i -> i.get("name")).contains("GPUs", "ML-ops staff", "Model upgrades");
        assertThat(json.getList("rules.id", String.class)).contains("W5_QUALITY_GAP", "W4_GPU_ONLY_ESTIMATE");
        assertThat(json.getString("rules.find { it.id == 'W5_QUALITY_GAP' }.reason")).contains("4 points short");
        assertThat(json.getString("rules.find { it.id == 'W5_QUALITY_GAP' }.kind")).isEqualTo("WARNING");
        assertThat(json.getList("breakEvens")).hasSize(3);
        assertThat(json.getString("pricesAsOf")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(json.getDouble("tiers.find { it.tier == 'HOSTED_OPEN' }.costPerAcceptedResult")).isPositive();
    }

    @Test
    void theReadmeEstimateExampleGivesTheWorkedExamplesAnswer() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher example = Pattern.compile("-d '(\\{.*?\\})' \\\\\\s+http://localhost:8080/api/v1/estimates",
                Pattern.DOTALL).matcher(readme);
        assertThat(example.find()).as("the README's curl example of /api/v1/estimates").isTrue();

        JsonPath json = api().body(example.group(1)).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("recommendedTier")).isEqualTo("HOSTED_OPEN");
        assertThat(json.getList("rules.id", String.class)).doesNotContain("B1_NO_EVAL").contains("W5_QUALITY_GAP");
    }

    @Test
    void anEvalListThatNamesItsSetAnswersTheEvalQuestion() {
        String body = """
                {"workload": {"requestsPerMonth": 30000000, "inputTokensPerRequest": 1000, "outputTokensPerRequest": 83, "peakToAverage": 2},
                 "answers": {"currentMonthlySpendUsd": 80000, "mlOpsEngineers": 0},
                 "evals": [{"model": "gpt-4.1", "role": "INCUMBENT", "score": 91, "evalSet": "doc-classes-2k"},
                           {"model": "llama-3-70b", "role": "CANDIDATE", "score": 87, "evalSet": "doc-classes-2k"}]}
                """;
        JsonPath json = api().body(body).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("rules.id", String.class)).doesNotContain("B1_NO_EVAL").contains("W5_QUALITY_GAP");
    }

    @Test
    void at200MillionHyperscaleFires() {
        String body = WORKED_EXAMPLE.replace("\"requestsPerMonth\": 30000000", "\"requestsPerMonth\": 200000000");
        api().body(body).post("/api/v1/estimates").then().statusCode(200).body("rules.id", hasItem("S2_HYPERSCALE"));
    }

    @Test
    void badInputIs400WithAFieldList() {
        api().body("{\"workload\": {\"requestsPerMonth\": -1, \"inputTokensPerRequest\": 10}}").post("/api/v1/estimates")
                .then().statusCode(400)
                .body("errors.field", hasItem("workload.requestsPerMonth"))
                .body("errors.field", hasItem("workload.outputTokensPerRequest"));
        api().body("{\"workload\": {\"requestsPerMonth\": \"many\"}}").post("/api/v1/estimates").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("workload.requestsPerMonth"));
        api().body("{\"workload\": {\"requestsPerMonth\": 1, \"inputTokensPerRequest\": 1, \"outputTokensPerRequest\": 1},"
                + " \"assumptions\": {\"gpuUsdPerHour\": 0, \"nope\": 1}, \"evals\": [{\"model\": \"\", \"role\": \"CANDIDATE\"}]}")
                .post("/api/v1/estimates").then().statusCode(400)
                .body("errors.field", hasItem("evals[0].model"));
        api().body("{\"workload\": {\"requestsPerMonth\": 1, \"inputTokensPerRequest\": 1, \"outputTokensPerRequest\": 1},"
                + " \"assumptions\": {\"gpuUsdPerHour\": 0, \"nope\": 1}}").post("/api/v1/estimates").then().statusCode(400)
                .body("errors.field", hasItem("assumptions.gpuUsdPerHour"))
                .body("errors.field", hasItem("assumptions.nope"));
        api().body("{oops").post("/api/v1/estimates").then().statusCode(400).body("errors[0].message", containsString("JSON"));
    }

    @Test
    void numbersThatAreNotRealNumbersOrOutOfBoundsAre400WithTheirFields() {
        String[][] cases = {
            {"\"cachedInputShare\": \"NaN\"", "workload.cachedInputShare"},
            {"\"peakToAverage\": \"Infinity\"", "workload.peakToAverage"},
            {"\"cachedInputShare\": 1.5", "workload.cachedInputShare"},
            {"\"cachedInputShare\": -0.1", "workload.cachedInputShare"},
            {"\"peakToAverage\": 1e400", "workload.peakToAverage"},
        };
        for (String[] c : cases) {
            String body = "{\"workload\": {\"requestsPerMonth\": 1000, \"inputTokensPerRequest\": 10, "
                    + "\"outputTokensPerRequest\": 10, " + c[0] + "}}";
            api().body(body).post("/api/v1/estimates").then().statusCode(400).body("errors.field", hasItem(c[1]));
        }
        api().body(WORKED_EXAMPLE.replace("\"requestsPerMonth\": 30000000", "\"requestsPerMonth\": 1.5"))
                .post("/api/v1/estimates").then().statusCode(400).body("errors.field", hasItem("workload.requestsPerMonth"));
        api().body(WORKED_EXAMPLE.replace("\"requestsPerMonth\": 30000000", "\"requestsPerMonth\": 2000000000000"))
                .post("/api/v1/estimates").then().statusCode(400).body("errors.field", hasItem("workload.requestsPerMonth"))
                .body("errors.message", hasItem("must be at most 1000000000000"));
        api().body(WORKED_EXAMPLE.replace("\"currentMonthlySpendUsd\": 80000", "\"currentMonthlySpendUsd\": 1e400"))
                .post("/api/v1/estimates").then().statusCode(400).body("errors.field", hasItem("answers.currentMonthlySpendUsd"));
        api().body(WORKED_EXAMPLE.replace("\"currentMonthlySpendUsd\": 80000", "\"currentMonthlySpendUsd\": \"Infinity\""))
                .post("/api/v1/estimates").then().statusCode(400).body("errors.field", hasItem("answers.currentMonthlySpendUsd"));
        api().body(WORKED_EXAMPLE.replace("\"hostedOpenMonthsRun\": 0", "\"hostedOpenMonthsRun\": \"NaN\""))
                .post("/api/v1/estimates").then().statusCode(400).body("errors.field", hasItem("answers.hostedOpenMonthsRun"));
        api().body(WORKED_EXAMPLE.replace("\"gpuUsdPerHour\": 2.74", "\"gpuUsdPerHour\": \"Infinity\""))
                .post("/api/v1/estimates").then().statusCode(400).body("errors.field", hasItem("assumptions.gpuUsdPerHour"));
    }

    @Test
    void aScoreOnTheZeroToOneScaleIsCheckedOnItAndNeverComparedWithAPercentage() {
        String fractions = WORKED_EXAMPLE.replace("{\"model\": \"gpt-4.1\", \"role\": \"INCUMBENT\", \"score\": 91}",
                "{\"model\": \"gpt-4.1\", \"role\": \"INCUMBENT\", \"score\": 0.91, \"scale\": \"FRACTION\"}");
        JsonPath json = api().body(fractions).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("rules.id", String.class)).doesNotContain("W5_QUALITY_GAP", "B3_QUALITY_DROP");
        assertThat(json.getList("reasons", String.class)).anySatisfy(r -> assertThat(r).contains("is not compared with gpt-4.1's"));

        api().body(fractions.replace("\"score\": 0.91, \"scale\": \"FRACTION\"", "\"score\": 91, \"scale\": \"FRACTION\""))
                .post("/api/v1/estimates").then().statusCode(400).body("errors.field", hasItem("evals[0].score"));
    }

    @Test
    void theEstimateCarriesThePhasedPlan() {
        JsonPath json = api().body(WORKED_EXAMPLE).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("plan.stage", String.class)).containsExactly("NOW", "DESTINATION");
        assertThat(json.getList("plan.tier", String.class)).containsExactly("HOSTED_OPEN", "SELF_HOSTED");
        assertThat(json.getString("plan[0].gate")).isEqualTo("NONE");
        assertThat(json.getDouble("plan[0].monthlyCost")).isCloseTo(9_097.2, within(1.0));
        assertThat(json.getDouble("plan[0].migrationWeeks")).isEqualTo(4.0);
        assertThat(json.getString("plan[1].gate")).isEqualTo("VOLUME");
        long from = json.getLong("plan[1].fromRequestsPerMonth");
        assertThat(from).isEqualTo(json.getLong("breakEvens[2].staysFromRequestsPerMonth")).isBetween(380_000_000L, 450_000_000L);
        assertThat(json.getString("plan[1].gateText")).contains("once 2 ML-ops engineers are hired");
        assertThat(json.getString("breakEvens[2].staysCheaper")).isEqualTo("SELF_HOSTED");
        assertThat(json.getLong("breakEvens[2].crossings")).isEqualTo(3);
    }

    @Test
    void aLooseModelNameMatchIsShownWithWhatItWasPricedAs() {
        String body = WORKED_EXAMPLE.replace("\"assumptions\": {", "\"models\": {\"incumbentModel\": \"GPT 4.1 (2025-04-14)\"}, "
                + "\"assumptions\": {");
        JsonPath json = api().body(body).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("notes", String.class))
                .anySatisfy(n -> assertThat(n).startsWith("“GPT 4.1 (2025-04-14)” is priced as gpt-4.1").endsWith("the closest catalog entry."));
    }

    @Test
    void theApiNeedsHttpBasicAndRefusesAWrongPassword() {
        given().contentType("application/json").body(WORKED_EXAMPLE).post("/api/v1/estimates").then().statusCode(401);
        given().auth().preemptive().basic("omar", "wrong-password").contentType("application/json").body(WORKED_EXAMPLE)
                .post("/api/v1/estimates").then().statusCode(401);
    }

    @Test
    void theOpenApiDocumentDescribesTheFieldsAndUnits() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/estimates"))
                .body(containsString("requestsPerMonth"))
                .body(containsString("Requests per month."))
                .body(containsString("USD"));
    }

    @Test
    void onCatalogDefaultsTheEstimateNamesItsProviderAndSizesOnTwoRatesAtTheLatencyTarget() {
        String onDefaults = """
                {"workload": {"requestsPerMonth": 30000000, "inputTokensPerRequest": 83, "outputTokensPerRequest": 1000,
                              "peakToAverage": 2.0, "ttftTargetMs": 500, "interTokenTargetMs": 50},
                 "models": {"incumbentModel": "gpt-4.1", "candidates": ["llama-3-70b"], "candidateProvider": "Together"},
                 "assumptions": {"batchShare": 0.5}}
                """;
        JsonPath json = api().body(onDefaults).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath();
        // Together at $0.88, half the requests at its batch price $0.44: 30M × 1,083 tokens × $0.66
        assertThat(json.getDouble("tiers.find { it.tier == 'HOSTED_OPEN' }.monthlyCost")).isCloseTo(21_443.4, within(1.0));
        // the interactive row (decode 2,700 tokens/s): 22,831 output tokens/s ÷ 2,160 = 10.6 → 11 replicas + 1 spare
        assertThat(json.getString("tiers.find { it.tier == 'SELF_HOSTED' }.lineItems.find { it.name == 'GPUs' }.detail"))
                .contains("12 replicas").contains("output-bound (decode) binds");
        assertThat(json.getDouble("assumptions.decodeTokensPerSecond")).isEqualTo(2_700);
        api().body(onDefaults.replace("\"interTokenTargetMs\": 50", "\"interTokenTargetMs\": 0")).post("/api/v1/estimates").then()
                .statusCode(400).body("errors.field", hasItem("workload.interTokenTargetMs"));
    }

    /**
     * The estimate keeps the catalog it loaded while {@code catalog_version} stands, and reads that number on every call:
     * a price written behind this instance's back (another instance, an import, SQL) prices the very next call. Costed as
     * of a day near the end of the year ahead, so that the new price changes no other test's figures.
     */
    @Test
    void aPriceAddedBehindTheAppsBackPricesTheNextEstimate() {
        java.time.LocalDate asOf = org.hostingreview.support.TestClock.appToday().plusDays(362);
        String request = """
                {"workload": {"requestsPerMonth": 30000000, "inputTokensPerRequest": 1000, "outputTokensPerRequest": 83},
                 "models": {"candidates": ["llama-3-70b"]}, "asOf": "%s"}
                """.formatted(asOf);
        double before = api().body(request).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath()
                .getDouble("assumptions.hostedOpenInputUsdPerMTok");
        assertThat(api().body(request).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath()
                .getDouble("assumptions.hostedOpenInputUsdPerMTok")).as("the kept catalog, unchanged").isEqualTo(before);
        assertThat(before).isGreaterThan(0.005);

        org.hostingreview.support.OwnerDatabase.runAsOwner("insert into model_price (provider, model, tier, input_usd_per_mtok, "
                + "output_usd_per_mtok, effective_from, source, checked_on, created_by) values ('Groq', 'llama-3-70b', "
                + "'HOSTED_OPEN', 0.005, 0.005, date '" + asOf.minusDays(1) + "', 'https://groq.com/pricing', date '2026-11-27', "
                + "'another-instance')");

        JsonPath after = api().body(request).post("/api/v1/estimates").then().statusCode(200).extract().jsonPath();
        assertThat(after.getDouble("assumptions.hostedOpenInputUsdPerMTok")).as("priced on the new, cheapest row").isEqualTo(0.005);
        assertThat(after.getString("pricesAsOf")).isEqualTo(asOf.toString());
    }
}
