package org.hostingreview.pricing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hostingreview.web.Numeric;
import org.jboss.resteasy.reactive.RestForm;

/** The admin's forms for adding a new effective-dated catalog value. Dates are checked by the service. */
public final class PricingForms {

    private PricingForms() {
    }

    /** A model's per-token prices at a provider. */
    public record NewModelPrice(
            @RestForm @NotBlank(message = "Name the provider.") @Size(max = 80, message = "Use at most 80 characters.") String provider,
            @RestForm @NotBlank(message = "Name the model.") @Size(max = 80, message = "Use at most 80 characters.") String model,
            @RestForm @NotBlank(message = "Choose the tier.") String tier,
            @RestForm @NotBlank(message = "Enter the input price.") @Numeric(max = "1000", message = "Enter $0 to $1,000 per 1M tokens.")
            String inputUsdPerMTok,
            @RestForm @NotBlank(message = "Enter the output price.") @Numeric(max = "1000", message = "Enter $0 to $1,000 per 1M tokens.")
            String outputUsdPerMTok,
            @RestForm @Numeric(max = "1000", message = "Enter $0 to $1,000 per 1M tokens.") String cachedInputUsdPerMTok,
            @RestForm @Numeric(max = "1000", message = "Enter $0 to $1,000 per 1M tokens.") String batchInputUsdPerMTok,
            @RestForm @Numeric(max = "1000", message = "Enter $0 to $1,000 per 1M tokens.") String batchOutputUsdPerMTok,
            @RestForm @Numeric(max = "1000", message = "Enter $0 to $1,000 per 1M tokens.") String cacheWriteUsdPerMTok,
            @RestForm String basis,
            @RestForm @NotBlank(message = "Enter the day it takes effect.") String effectiveFrom,
            @RestForm @NotBlank(message = "Cite the page or document.") @Size(max = 500, message = "Use at most 500 characters.")
            String source,
            @RestForm @NotBlank(message = "Enter the day you checked it.") String checkedOn) {
    }

    /** A provider that sells per-token access. */
    public record NewProvider(
            @RestForm @NotBlank(message = "Name the provider.") @Size(max = 80, message = "Use at most 80 characters.") String name,
            @RestForm @NotBlank(message = "Choose the tier.") String tier,
            @RestForm @Size(max = 300, message = "Use at most 300 characters.") String website) {
    }

    /** A GPU type's hourly price. */
    public record NewGpuPrice(
            @RestForm @NotBlank(message = "Name the GPU.") @Size(max = 80, message = "Use at most 80 characters.") String gpu,
            @RestForm @NotBlank(message = "Enter its memory.") @Numeric(min = "1", max = "4096", whole = true,
                    message = "Enter 1 to 4,096 GB.") String memoryGb,
            @RestForm @NotBlank(message = "Enter the hourly price.") @Numeric(min = "0.01", max = "1000",
                    message = "Enter $0.01 to $1,000 an hour.") String usdPerHour,
            @RestForm @NotBlank(message = "Enter the day it takes effect.") String effectiveFrom,
            @RestForm @NotBlank(message = "Cite the page or document.") @Size(max = 500, message = "Use at most 500 characters.")
            String source,
            @RestForm @NotBlank(message = "Enter the day you checked it.") String checkedOn) {
    }

    /** What one replica of a model serves on a GPU type: two rates at a latency target (or, for old figures, one). */
    public record NewThroughput(
            @RestForm @NotBlank(message = "Name the model.") @Size(max = 80, message = "Use at most 80 characters.") String model,
            @RestForm @NotBlank(message = "Name the GPU.") @Size(max = 80, message = "Use at most 80 characters.") String gpu,
            @RestForm @Size(max = 12, message = "Use at most 12 characters, e.g. FP8.") String precision,
            @RestForm @Numeric(min = "1", max = "10000000", message = "Enter 1 to 10,000,000 input tokens/s.")
            String prefillTokensPerSecond,
            @RestForm @Numeric(min = "1", max = "10000000", message = "Enter 1 to 10,000,000 output tokens/s.")
            String decodeTokensPerSecond,
            @RestForm @Numeric(min = "1", max = "10000000", message = "Enter 1 to 10,000,000 tokens/s.") String tokensPerSecond,
            @RestForm @NotBlank(message = "Enter the GPUs per replica.") @Numeric(min = "1", max = "64", whole = true,
                    message = "Enter 1 to 64 GPUs.") String gpusPerReplica,
            @RestForm @Numeric(min = "1", max = "600000", whole = true, message = "Enter 1 to 600,000 ms.") String ttftMs,
            @RestForm @Numeric(min = "1", max = "10000", whole = true, message = "Enter 1 to 10,000 ms.") String itlMs,
            @RestForm @NotBlank(message = "Say whether it was measured.") String sourceKind,
            @RestForm @Size(max = 200, message = "Use at most 200 characters.") String benchmark,
            @RestForm String measuredOn,
            @RestForm @Size(max = 500, message = "Use at most 500 characters.") String method,
            @RestForm @NotBlank(message = "Enter the day it takes effect.") String effectiveFrom,
            @RestForm @NotBlank(message = "Cite the benchmark or explain the estimate.") @Size(max = 500,
                    message = "Use at most 500 characters.") String source,
            @RestForm @NotBlank(message = "Enter the day you checked it.") String checkedOn) {
    }

    /** A staffing or policy default, or a rule threshold. */
    public record NewPolicy(
            @RestForm @NotBlank(message = "Choose the setting.") String param,
            @RestForm @NotBlank(message = "Enter the value.") @Numeric(min = "-1e13", max = "1e13") String value,
            @RestForm @NotBlank(message = "Enter the day it takes effect.") String effectiveFrom,
            @RestForm @NotBlank(message = "Give the source or the reason.") @Size(max = 500, message = "Use at most 500 characters.")
            String source,
            @RestForm @NotBlank(message = "Enter the day you checked it.") String checkedOn) {
    }
}
