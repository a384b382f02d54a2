package org.hostingreview.pricing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Benchmark reports and LiteLLM's price list: previewed, applied once, refused with a reason. */
@QuarkusTest
class CatalogImportTest {

    @Inject
    EntityManager em;

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static byte[] file(String name) {
        return BenchmarkReportsTest.resource(name).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGuideLlmReportIsPreviewedThenAddsMeasuredRowsOnceAndAProposalIsSizedOnThem() {
        WebSession admin = WebSession.as("dana");
        String model = "import-test-70b";
        admin.post("/pricing/model-prices", WebSession.pairs("provider", "Together", "model", model, "tier", "HOSTED_OPEN",
                "inputUsdPerMTok", "0.88", "outputUsdPerMTok", "0.88", "cachedInputUsdPerMTok", "", "effectiveFrom", "2025-01-01",
                "source", "https://www.together.ai/pricing", "checkedOn", "2026-11-30")).then().statusCode(303);
        admin.post("/pricing/gpu-prices", WebSession.pairs("gpu", "H100 SXM test", "memoryGb", "80", "usdPerHour", "2.49",
                "effectiveFrom", "2025-01-01", "source", "https://example.com/gpus", "checkedOn", "2026-11-30")).then().statusCode(303);
        Map<String, String> hardware = Map.of("gpu", "H100 SXM test", "gpusPerReplica", "2", "precision", "FP8", "model", model,
                "effectiveFrom", "2025-06-01");

        var uploaded = admin.upload("/pricing/imports/benchmarks", "guidellm-sweep.json", file("guidellm-llama-3-70b-2xh100-fp8.json"),
                hardware);
        assertThat(uploaded.statusCode()).isEqualTo(303);
        String preview = uploaded.getHeader("Location").replaceAll("^https?://[^/]+", "");
        String page = admin.get(preview).then().statusCode(200).extract().asString();
        assertThat(page).contains("2 new, 0 changed, 0 unchanged").contains("6,113.28").contains("1,653");
        assertThat(count("select count(*) from serving_throughput where model = '" + model + "'")).isZero();

        long before = AuditLog.maxId();
        admin.post(preview + "/apply").then().statusCode(303);
        assertThat(count("select count(*) from serving_throughput where model = '" + model + "' and source_kind = 'BENCHMARK'"
                + " and source like 'benchmark report: guidellm-sweep.json (sha256 %' and ttft_ms = 419 and itl_ms = 39"))
                .isEqualTo(1);
        assertThat(count("select count(*) from serving_throughput where model = '" + model + "'")).isEqualTo(2);
        assertThat(AuditLog.since(before, "CATALOG_VALUE_ADDED")).hasSize(1);
        assertThat(admin.get(preview).asString()).contains("Applied: 2 rows added");

        // the same file again: nothing to add
        String again = admin.upload("/pricing/imports/benchmarks", "guidellm-sweep.json", file("guidellm-llama-3-70b-2xh100-fp8.json"),
                hardware).getHeader("Location").replaceAll("^https?://[^/]+", "");
        assertThat(admin.get(again).asString()).contains("Nothing to add").contains("ALREADY_IMPORTED");
        admin.post(again + "/apply").then().statusCode(303);
        assertThat(count("select count(*) from serving_throughput where model = '" + model + "'")).isEqualTo(2);

        // a proposal with an interactive target is sized on the run measured at p99 TTFT 419 ms, ITL 39 ms
        WebSession priya = WebSession.as("priya");
        Map<String, Object> first = new java.util.LinkedHashMap<>(ProposalFixtures.step1("Measured sizing", "Measured " + System.nanoTime()));
        first.put("candidateModels", model);
        first.put("ttftTargetMs", "500");
        first.put("itlTargetMs", "50");
        first.put("acknowledgeDuplicate", "on");
        String location = priya.post("/proposals", first).then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/proposals/(\\d+)/steps/2$", "$1"));
        assertThat(priya.get("/proposals/" + id).asString())
                .contains("Self-hosting is sized on prefill 6,113 and decode 3,057 tokens/s per replica")
                .contains("p99 TTFT &le; 419 ms, ITL &le; 39 ms (measured: GuideLLM guidellm-sweep.json (2025-11-30))");
    }

    @Test
    void theLiteLlmPriceListShowsADatedDiffAndAppliesOnceThroughTheApi() {
        String body = BenchmarkReportsTest.resource("model_prices_and_context_window.json");
        JsonPath preview = given().auth().preemptive().basic("dana", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body(body).post("/api/v1/catalog/prices?effectiveFrom=2027-03-01").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getLong("added")).isEqualTo(5);
        assertThat(preview.getLong("changed")).isEqualTo(1);
        assertThat(preview.getLong("unchanged")).isEqualTo(1);
        assertThat(preview.getString("rows.find { it.model == 'gpt-4o' }.status")).isEqualTo("CHANGED");
        assertThat(preview.getString("rows.find { it.model == 'gpt-4o' }.after")).contains("batch $1.25 / $5");
        String sha = preview.getString("sha256");
        assertThat(count("select count(*) from model_price where source_sha256 = '" + sha + "'")).isZero();

        given().auth().preemptive().basic("dana", WebSession.DEMO_PASSWORD).contentType("application/json").body(body)
                .post("/api/v1/catalog/prices?effectiveFrom=2027-03-01&apply=true").then().statusCode(201);
        assertThat(count("select count(*) from model_price where source_sha256 = '" + sha + "' and effective_from = date '2027-03-01'"))
                .isEqualTo(6);
        JsonPath again = given().auth().preemptive().basic("dana", WebSession.DEMO_PASSWORD).contentType("application/json").body(body)
                .post("/api/v1/catalog/prices?effectiveFrom=2027-03-01&apply=true").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("rows.status", String.class)).containsOnly("ALREADY_IMPORTED");
        assertThat(count("select count(*) from model_price where source_sha256 = '" + sha + "'")).isEqualTo(6);
    }

    @Test
    void aForeignOrTruncatedFileImportsNothingAndSaysWhy() {
        WebSession admin = WebSession.as("dana");
        long imports = count("select count(*) from catalog_import");
        long rows = count("select count(*) from serving_throughput");
        admin.upload("/pricing/imports/benchmarks", "package.json", file("package.json"),
                Map.of("gpu", "H100 80GB", "gpusPerReplica", "2", "effectiveFrom", "2026-12-01")).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("Neither a GuideLLM report"))
                .body(org.hamcrest.Matchers.containsString("Nothing was imported"));
        given().auth().preemptive().basic("dana", WebSession.DEMO_PASSWORD).contentType("application/json")
                .body(BenchmarkReportsTest.resource("guidellm-truncated.json"))
                .post("/api/v1/catalog/benchmarks?gpu=H100%2080GB&gpusPerReplica=2").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("file"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("output_tokens_per_second"));
        assertThat(count("select count(*) from catalog_import")).isEqualTo(imports);
        assertThat(count("select count(*) from serving_throughput")).isEqualTo(rows);
    }

    @Test
    void onlyAdminsImport() {
        given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).contentType("application/json").body("{}")
                .post("/api/v1/catalog/benchmarks").then().statusCode(403);
        WebSession.as("priya").get("/pricing/imports").then().statusCode(403);
    }
}
