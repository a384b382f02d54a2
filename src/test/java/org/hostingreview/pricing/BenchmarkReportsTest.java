package org.hostingreview.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hostingreview.costmodel.Tier;
import org.junit.jupiter.api.Test;

/** The sample reports under src/test/resources/imports, built from each tool's documented format. */
class BenchmarkReportsTest {

    static String resource(String name) {
        try (InputStream in = BenchmarkReportsTest.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final BenchmarkReports.Hardware H100_PAIR = new BenchmarkReports.Hardware("H100 80GB", 2, "fp8");

    @Test
    void aGuideLlmSweepGivesOneMeasuredRowPerRateWithItsP99Latencies() throws Exception {
        List<BenchmarkReports.Run> runs = BenchmarkReports.read(resource("guidellm-llama-3-70b-2xh100-fp8.json"), H100_PAIR);
        assertThat(runs).hasSize(2);
        BenchmarkReports.Run low = runs.get(0);
        assertThat(low.tool()).isEqualTo("GuideLLM");
        assertThat(low.model()).isEqualTo("meta-llama/Meta-Llama-3-70B-Instruct");
        assertThat(low.gpu()).isEqualTo("H100 80GB");
        assertThat(low.precision()).isEqualTo("FP8");
        assertThat(low.requestRate()).isEqualByComparingTo("12.0");
        // 11.94 requests/s × 512 prompt tokens, × 256 output tokens
        assertThat(low.prefillTokensPerSecond()).isEqualByComparingTo("6113.28");
        assertThat(low.decodeTokensPerSecond()).isEqualByComparingTo("3056.64");
        assertThat(low.ttftP99Ms()).isEqualTo(419);
        assertThat(low.itlP99Ms()).isEqualTo(39);
        assertThat(low.measuredOn()).isEqualTo(LocalDate.of(2025, 11, 30));
        assertThat(runs.get(1).ttftP99Ms()).isEqualTo(1653);
        assertThat(runs.get(1).decodeTokensPerSecond()).isGreaterThan(low.decodeTokensPerSecond());
    }

    @Test
    void aVllmResultGivesOneRowAndItsMetadataNamesTheHardware() throws Exception {
        List<BenchmarkReports.Run> runs = BenchmarkReports.read(resource("vllm-llama-3-70b-2xh100-fp8.json"),
                new BenchmarkReports.Hardware(null, null, null));
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.tool()).isEqualTo("vLLM benchmark_serving");
            assertThat(run.gpu()).isEqualTo("H100 80GB");
            assertThat(run.gpusPerReplica()).isEqualTo(2);
            assertThat(run.precision()).isEqualTo("FP8");
            // 2,048,000 input tokens in 187.31 s
            assertThat(run.prefillTokensPerSecond()).isEqualByComparingTo("10933.75");
            assertThat(run.decodeTokensPerSecond()).isEqualByComparingTo("2733.45");
            assertThat(run.ttftP99Ms()).isEqualTo(1180);
            assertThat(run.itlP99Ms()).isEqualTo(62);
            assertThat(run.ttftP50Ms()).isEqualByComparingTo(new BigDecimal("341.56"));
            assertThat(run.measuredOn()).isEqualTo(LocalDate.of(2026, 11, 28));
        });
    }

    @Test
    void aTruncatedOrForeignFileNamesWhatIsMissing() {
        assertThatThrownBy(() -> BenchmarkReports.read(resource("guidellm-truncated.json"), H100_PAIR))
                .hasMessageContaining("lacks the output throughput (metrics.output_tokens_per_second)")
                .hasMessageContaining("the p99 time to first token");
        assertThatThrownBy(() -> BenchmarkReports.read(resource("package.json"), H100_PAIR))
                .hasMessageContaining("Neither a GuideLLM report");
        assertThatThrownBy(() -> BenchmarkReports.read("{not json", H100_PAIR)).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> BenchmarkReports.read(resource("guidellm-llama-3-70b-2xh100-fp8.json"),
                new BenchmarkReports.Hardware("", null, null))).hasMessageContaining("does not name the GPU or the GPUs per replica");
    }

    @Test
    void liteLlmPricesAreReadPerMillionTokensForTheCatalogsProvidersOnly() throws Exception {
        Map<String, Tier> providers = Map.of("OpenAI", Tier.FRONTIER_CLOSED, "Anthropic", Tier.FRONTIER_CLOSED, "Groq", Tier.HOSTED_OPEN,
                "Together", Tier.HOSTED_OPEN, "DeepInfra", Tier.HOSTED_OPEN, "Fireworks", Tier.HOSTED_OPEN);
        LiteLlmPrices.Read read = LiteLlmPrices.read(resource("model_prices_and_context_window.json"), providers);
        assertThat(read.prices()).extracting(LiteLlmPrices.Price::model).containsExactly("gpt-4.1", "gpt-4o",
                "claude-sonnet-4-20250514", "llama3-70b-8192", "meta-llama/Llama-3.3-70B-Instruct-Turbo",
                "meta-llama/Llama-3.3-70B-Instruct-Turbo", "accounts/fireworks/models/llama-v3p1-70b-instruct");
        assertThat(read.skipped()).isEqualTo(2);
        LiteLlmPrices.Price gpt = read.prices().get(0);
        assertThat(gpt.input()).isEqualByComparingTo("2");
        assertThat(gpt.output()).isEqualByComparingTo("8");
        assertThat(gpt.cachedInput()).isEqualByComparingTo("0.5");
        assertThat(gpt.batchInput()).isEqualByComparingTo("1");
        assertThat(read.prices().get(2).cacheWrite()).isEqualByComparingTo("3.75");
        assertThat(read.prices().get(3).provider()).isEqualTo("Groq");
        assertThatThrownBy(() -> LiteLlmPrices.read(resource("vllm-llama-3-70b-2xh100-fp8.json"), providers))
                .hasMessageContaining("Not a LiteLLM price list");
    }
}
