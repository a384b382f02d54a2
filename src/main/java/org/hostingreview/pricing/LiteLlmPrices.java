package org.hostingreview.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hostingreview.costmodel.Tier;

/**
 * Reads LiteLLM's {@code model_prices_and_context_window.json}: an object keyed by model name, each entry with its
 * {@code litellm_provider}, {@code mode} and prices in USD per token ({@code input_cost_per_token},
 * {@code output_cost_per_token}, {@code cache_read_input_token_cost}, {@code cache_creation_input_token_cost},
 * {@code input_cost_per_token_batches}, {@code output_cost_per_token_batches}). Only chat models of the providers the
 * catalog knows are read; the {@code sample_spec} entry and everything else is left out and counted.
 */
public final class LiteLlmPrices {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** LiteLLM's provider ids for the catalog's providers. */
    static final Map<String, String> PROVIDERS = Map.ofEntries(Map.entry("openai", "OpenAI"), Map.entry("azure", "Azure OpenAI"),
            Map.entry("anthropic", "Anthropic"), Map.entry("gemini", "Google"), Map.entry("together_ai", "Together"),
            Map.entry("fireworks_ai", "Fireworks"), Map.entry("groq", "Groq"), Map.entry("deepinfra", "DeepInfra"),
            Map.entry("replicate", "Replicate"));

    private LiteLlmPrices() {
    }

    /** One price as the file gives it, per 1M tokens. */
    public record Price(String provider, String model, Tier tier, BigDecimal input, BigDecimal output, BigDecimal cachedInput,
            BigDecimal batchInput, BigDecimal batchOutput, BigDecimal cacheWrite) {
    }

    /** The prices read, and how many entries were left out (other providers, non-chat models, no prices). */
    public record Read(List<Price> prices, int skipped) {
    }

    public static Read read(String json, Map<String, Tier> providerTiers) throws BenchmarkReports.UnreadableReport {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BenchmarkReports.UnreadableReport("The file is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BenchmarkReports.UnreadableReport("The file is not a JSON object keyed by model name.");
        }
        List<Price> prices = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int skipped = 0;
        int entries = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode e = entry.getValue();
            if (!e.isObject() || "sample_spec".equals(entry.getKey())) {
                continue;
            }
            entries++;
            String provider = PROVIDERS.get(e.path("litellm_provider").asText(""));
            String mode = e.path("mode").asText("chat");
            BigDecimal input = perMillion(e.path("input_cost_per_token"));
            BigDecimal output = perMillion(e.path("output_cost_per_token"));
            if (provider == null || !providerTiers.containsKey(provider) || !"chat".equals(mode) || input == null || output == null) {
                skipped++;
                continue;
            }
            String key = entry.getKey();
            int slash = key.indexOf('/');
            String model = slash >= 0 && PROVIDERS.containsKey(key.substring(0, slash)) ? key.substring(slash + 1) : key;
            if (model.length() > 80 || !seen.add(provider + "|" + CatalogSnapshot.normalize(model))) {
                skipped++;
                continue;
            }
            prices.add(new Price(provider, model, providerTiers.get(provider), input, output,
                    perMillion(e.path("cache_read_input_token_cost")), perMillion(e.path("input_cost_per_token_batches")),
                    perMillion(e.path("output_cost_per_token_batches")), perMillion(e.path("cache_creation_input_token_cost"))));
        }
        if (entries == 0 || prices.isEmpty() && !root.has("sample_spec") && !looksLikeLiteLlm(root)) {
            throw new BenchmarkReports.UnreadableReport("Not a LiteLLM price list: no entry has “litellm_provider”,"
                    + " “input_cost_per_token” and “output_cost_per_token”.");
        }
        return new Read(prices, skipped);
    }

    private static boolean looksLikeLiteLlm(JsonNode root) {
        for (JsonNode e : root) {
            if (e.has("litellm_provider") && e.has("input_cost_per_token")) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal perMillion(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        return node.decimalValue().multiply(MILLION).round(new MathContext(10)).setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
