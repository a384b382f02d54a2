package org.hostingreview.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON reports of the two serving benchmarks self-hosters run, into measured serving rows:
 * <ul>
 * <li>GuideLLM ({@code guidellm benchmark … --output-path report.json}): {@code benchmarks[]}, each with its strategy
 * ({@code config.strategy.rate}), the backend's model ({@code config.backend.model}), start time
 * ({@code scheduler_metrics.start_time}) and {@code metrics}: {@code prompt_tokens_per_second},
 * {@code output_tokens_per_second}, {@code time_to_first_token_ms}, {@code inter_token_latency_ms}, each a status
 * breakdown whose {@code successful} summary has a mean, median and {@code percentiles.p99}.</li>
 * <li>vLLM {@code benchmark_serving.py --save-result} (and {@code vllm bench serve}): one run with {@code date}
 * ({@code yyyyMMdd-HHmmss}), {@code model_id}, {@code request_rate}, {@code duration}, {@code total_input_tokens},
 * {@code output_throughput}, {@code median_ttft_ms}/{@code p99_ttft_ms}, {@code median_itl_ms}/{@code p99_itl_ms}, and any
 * {@code --metadata key=value} pairs at the top level ({@code gpu}, {@code tensor_parallel_size}, {@code precision}).</li>
 * </ul>
 * Neither tool records the hardware by itself: the GPU, GPUs per replica and precision come from the report's
 * metadata when present, otherwise from the upload form. The prefill rate is input tokens per second at that load,
 * the decode rate output tokens per second; the latency target is the run's p99 TTFT and ITL (rounded up to a ms).
 */
public final class BenchmarkReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchmarkReports() {
    }

    /** Hardware the report may not name itself. */
    public record Hardware(String gpu, Integer gpusPerReplica, String precision) {
    }

    /** One measured run, as it would become a serving row. */
    public record Run(String tool, String model, String gpu, int gpusPerReplica, String precision, BigDecimal requestRate,
            BigDecimal prefillTokensPerSecond, BigDecimal decodeTokensPerSecond, BigDecimal ttftP50Ms, int ttftP99Ms,
            BigDecimal itlP50Ms, int itlP99Ms, LocalDate measuredOn) {
    }

    /** A report that cannot be read, with what is missing or wrong in words. */
    public static final class UnreadableReport extends Exception {
        public UnreadableReport(String message) {
            super(message);
        }
    }

    public static List<Run> read(String json, Hardware form) throws UnreadableReport {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableReport("The file is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableReport("The file is not a JSON object: neither a GuideLLM report nor a vLLM benchmark result.");
        }
        if (root.has("benchmarks")) {
            return guidellm(root, form);
        }
        if (root.has("model_id") || root.has("output_throughput") || root.has("mean_ttft_ms")) {
            return List.of(vllm(root, form));
        }
        throw new UnreadableReport("Neither a GuideLLM report (no “benchmarks” list) nor a vLLM benchmark_serving result"
                + " (no “model_id”, “output_throughput” or “mean_ttft_ms”).");
    }

    private static List<Run> guidellm(JsonNode root, Hardware form) throws UnreadableReport {
        JsonNode benchmarks = root.get("benchmarks");
        if (!benchmarks.isArray() || benchmarks.isEmpty()) {
            throw new UnreadableReport("The GuideLLM report has no benchmarks.");
        }
        List<Run> runs = new ArrayList<>();
        int index = 0;
        for (JsonNode b : benchmarks) {
            index++;
            String where = "GuideLLM benchmark " + index;
            JsonNode metrics = b.path("metrics");
            String model = text(b.path("config").path("backend").path("model"));
            if (model == null) {
                model = text(root.path("config").path("backend").path("model"));
            }
            if (model == null) {
                model = text(b.path("worker").path("backend_model"));
            }
            List<String> missing = new ArrayList<>();
            if (model == null) {
                missing.add("the model (config.backend.model)");
            }
            BigDecimal prefill = mean(metrics.path("prompt_tokens_per_second"));
            BigDecimal decode = mean(metrics.path("output_tokens_per_second"));
            BigDecimal ttftP99 = percentile(metrics.path("time_to_first_token_ms"), "p99");
            BigDecimal itlP99 = percentile(metrics.path("inter_token_latency_ms"), "p99");
            if (prefill == null) {
                missing.add("the prompt throughput (metrics.prompt_tokens_per_second)");
            }
            if (decode == null) {
                missing.add("the output throughput (metrics.output_tokens_per_second)");
            }
            if (ttftP99 == null) {
                missing.add("the p99 time to first token (metrics.time_to_first_token_ms)");
            }
            if (itlP99 == null) {
                missing.add("the p99 inter-token latency (metrics.inter_token_latency_ms)");
            }
            if (!missing.isEmpty()) {
                throw new UnreadableReport(where + " lacks " + String.join(", ", missing) + ".");
            }
            JsonNode strategy = b.path("config").path("strategy");
            BigDecimal rate = number(strategy.path("rate"));
            if (rate == null) {
                rate = mean(metrics.path("requests_per_second"));
            }
            double start = b.path("scheduler_metrics").path("start_time").asDouble(b.path("start_time").asDouble(0));
            LocalDate measuredOn = start > 0 ? LocalDate.ofInstant(Instant.ofEpochMilli((long) (start * 1000)), ZoneOffset.UTC) : null;
            if (measuredOn == null) {
                throw new UnreadableReport(where + " lacks its start time (scheduler_metrics.start_time).");
            }
            Hardware hw = hardware(null, form, where);
            runs.add(new Run("GuideLLM", model, hw.gpu(), hw.gpusPerReplica(), hw.precision(), rate, prefill, decode,
                    median(metrics.path("time_to_first_token_ms")), ceil(ttftP99), median(metrics.path("inter_token_latency_ms")),
                    ceil(itlP99), measuredOn));
        }
        return runs;
    }

    private static Run vllm(JsonNode root, Hardware form) throws UnreadableReport {
        List<String> missing = new ArrayList<>();
        String model = text(root.path("model_id"));
        BigDecimal duration = number(root.path("duration"));
        BigDecimal input = number(root.path("total_input_tokens"));
        BigDecimal decode = number(root.path("output_throughput"));
        BigDecimal ttftP99 = number(root.path("p99_ttft_ms"));
        BigDecimal itlP99 = number(root.path("p99_itl_ms"));
        String date = text(root.path("date"));
        if (model == null) {
            missing.add("“model_id”");
        }
        if (duration == null || duration.signum() <= 0 || input == null) {
            missing.add("“duration” and “total_input_tokens” (for the prefill rate)");
        }
        if (decode == null) {
            missing.add("“output_throughput”");
        }
        if (ttftP99 == null) {
            missing.add("“p99_ttft_ms” (run with --percentile-metrics ttft,itl --metric-percentiles 50,99)");
        }
        if (itlP99 == null) {
            missing.add("“p99_itl_ms”");
        }
        if (date == null) {
            missing.add("“date”");
        }
        if (!missing.isEmpty()) {
            throw new UnreadableReport("The vLLM benchmark result lacks " + String.join(", ", missing) + ".");
        }
        LocalDate measuredOn;
        try {
            measuredOn = LocalDate.parse(date.substring(0, Math.min(8, date.length())), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new UnreadableReport("The vLLM result's “date” is not yyyyMMdd-HHmmss: " + date + ".");
        }
        JsonNode rateNode = root.path("request_rate");
        BigDecimal rate = rateNode.isNumber() ? rateNode.decimalValue() : null;
        Integer tp = root.has("tensor_parallel_size") ? Integer.valueOf(root.path("tensor_parallel_size").asInt())
                : root.has("tp") ? Integer.valueOf(root.path("tp").asInt()) : null;
        String precision = text(root.path("precision"));
        if (precision == null) {
            precision = text(root.path("quantization"));
        }
        Hardware hw = hardware(new Hardware(text(root.path("gpu")), tp, precision), form, "The vLLM benchmark result");
        return new Run("vLLM benchmark_serving", model, hw.gpu(), hw.gpusPerReplica(), hw.precision(), rate,
                input.divide(duration, 2, RoundingMode.HALF_UP), decode.setScale(2, RoundingMode.HALF_UP),
                number(root.path("median_ttft_ms")), ceil(ttftP99), number(root.path("median_itl_ms")), ceil(itlP99), measuredOn);
    }

    /** The report's own hardware metadata first, then the form's; names what neither gives. */
    private static Hardware hardware(Hardware report, Hardware form, String where) throws UnreadableReport {
        String gpu = report != null && report.gpu() != null ? report.gpu() : form == null ? null : blankToNull(form.gpu());
        Integer gpus = report != null && report.gpusPerReplica() != null ? report.gpusPerReplica()
                : form == null ? null : form.gpusPerReplica();
        String precision = report != null && report.precision() != null ? report.precision() : form == null ? null
                : blankToNull(form.precision());
        List<String> missing = new ArrayList<>();
        if (gpu == null) {
            missing.add("the GPU");
        }
        if (gpus == null || gpus < 1) {
            missing.add("the GPUs per replica");
        }
        if (!missing.isEmpty()) {
            throw new UnreadableReport(where + " does not name " + String.join(" or ", missing)
                    + ": enter it with the upload (or record it with --metadata gpu=… tensor_parallel_size=…).");
        }
        return new Hardware(gpu.strip(), gpus, precision == null ? null : precision.strip().toUpperCase(Locale.ROOT));
    }

    private static BigDecimal mean(JsonNode breakdown) {
        JsonNode summary = summary(breakdown);
        return summary == null ? null : number(summary.path("mean"));
    }

    private static BigDecimal median(JsonNode breakdown) {
        JsonNode summary = summary(breakdown);
        return summary == null ? null : number(summary.path("median"));
    }

    private static BigDecimal percentile(JsonNode breakdown, String p) {
        JsonNode summary = summary(breakdown);
        return summary == null ? null : number(summary.path("percentiles").path(p));
    }

    /** The successful requests' summary of a status breakdown (the total when there is none). */
    private static JsonNode summary(JsonNode breakdown) {
        if (breakdown.path("successful").isObject()) {
            return breakdown.get("successful");
        }
        return breakdown.path("total").isObject() ? breakdown.get("total") : null;
    }

    private static BigDecimal number(JsonNode node) {
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int ceil(BigDecimal ms) {
        return Math.max(1, ms.setScale(0, RoundingMode.CEILING).intValueExact());
    }
}
