package org.hostingreview.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.web.Finite;

/** A stateless what-if: a workload, the five answers, constraints, eval scores and optional assumption overrides. */
@Schema(description = "A workload to cost and recommend a hosting tier for. Only `workload` is required.")
public record EstimateRequest(
        @NotNull(message = "is required") @Valid Workload workload,
        @Valid Answers answers,
        @Valid Constraints constraints,
        @Valid List<@NotNull(message = "must not be null") @Valid Eval> evals,
        @Schema(description = "Overrides of catalog values by name, e.g. {\"gpuUsdPerHour\": 2.74}. Names and units are "
                + "those of the pricing catalog's parameters; see the `assumptions` of a response for every name in use.")
        Map<String, Double> assumptions,
        @Valid Models models,
        @Schema(description = "Cost with the catalog in force on this day (ISO date). Default: today.") LocalDate asOf) {

    @Schema(description = "The feature's traffic.")
    public record Workload(
            @Schema(description = "Requests per month. At most 1,000,000,000,000.", example = "30000000", maximum = "1000000000000")
            @NotNull(message = "is required") @Min(value = 0, message = "must be at least 0")
            @Max(value = 1_000_000_000_000L, message = "must be at most 1000000000000") Long requestsPerMonth,
            @Schema(description = "Input tokens per request. At most 10,000,000.", example = "1000", maximum = "10000000")
            @NotNull(message = "is required") @Min(value = 0, message = "must be at least 0")
            @Max(value = 10_000_000, message = "must be at most 10000000") Long inputTokensPerRequest,
            @Schema(description = "Output tokens per request. At most 10,000,000.", example = "83", maximum = "10000000")
            @NotNull(message = "is required") @Min(value = 0, message = "must be at least 0")
            @Max(value = 10_000_000, message = "must be at most 10000000") Long outputTokensPerRequest,
            @Schema(description = "Share (0–1) of input tokens served from a prompt cache. Default 0.", example = "0.0")
            @Finite(message = "must be between 0 and 1") @DecimalMin(value = "0", message = "must be between 0 and 1")
            @DecimalMax(value = "1", message = "must be between 0 and 1") Double cachedInputShare,
            @Schema(description = "Peak traffic ÷ average traffic (≥ 1). Default 1.", example = "2.0")
            @Finite(message = "must be a number from 1 to 10000") @DecimalMin(value = "1", message = "must be at least 1")
            @DecimalMax(value = "10000", message = "must be at most 10000") Double peakToAverage,
            @Schema(description = "Required time to first token in milliseconds, if any.", example = "null")
            @Min(value = 1, message = "must be at least 1") @Max(value = 600_000, message = "must be at most 600000")
            Integer ttftTargetMs,
            @Schema(description = "Required p99 inter-token latency in milliseconds, if any; selects the serving rate measured at or under it.",
                    example = "null")
            @Min(value = 1, message = "must be at least 1") @Max(value = 10_000, message = "must be at most 10000")
            Integer interTokenTargetMs) {
    }

    @Schema(description = "Answers to the framework's five questions.")
    public record Answers(
            @Schema(description = "Q1: hosted spend today, USD per month, at most 10,000,000,000.", example = "80000",
                    maximum = "10000000000")
            @Finite(message = "must be a number from 0 to 10000000000") @DecimalMin(value = "0", message = "must be at least 0")
            @DecimalMax(value = "10000000000", message = "must be at most 10000000000") Double currentMonthlySpendUsd,
            @Schema(description = "Q2: dedicated ML-ops engineers today, at most 10,000.", example = "0", maximum = "10000")
            @Min(value = 0, message = "must be at least 0") @Max(value = 10_000, message = "must be at most 10000") Integer mlOpsEngineers,
            @Schema(description = "Q2: whether hires are planned.") Boolean hiresPlanned,
            @Schema(description = "Q3: months the workload ran on a hosted-open provider (at most 600); null: not answered.",
                    example = "0", maximum = "600")
            @Finite(message = "must be a number from 0 to 600") @DecimalMin(value = "0", message = "must be at least 0")
            @DecimalMax(value = "600", message = "must be at most 600") Double hostedOpenMonthsRun,
            @Schema(description = "Q4: who owns the upgrade cycle; empty means nobody.", example = "platform team")
            @Size(max = 120, message = "must be at most 120 characters") String upgradeOwner,
            @Schema(description = "Q5: the eval set's name; empty means no eval yet.", example = "doc-classes-2k")
            @Size(max = 120, message = "must be at most 120 characters") String evalSet,
            @Schema(description = "The proposer's own self-hosting estimate, USD per month, at most 10,000,000,000.",
                    example = "4000", maximum = "10000000000")
            @Finite(message = "must be a number from 0 to 10000000000") @DecimalMin(value = "0", message = "must be at least 0")
            @DecimalMax(value = "10000000000", message = "must be at most 10000000000") Double selfHostEstimateUsd,
            @Schema(description = "The tier the feature runs on today. Default FRONTIER_CLOSED.") Tier currentTier,
            @Schema(description = "Replicas in the proposer's own self-hosting plan, at most 100,000.", maximum = "100000")
            @Min(value = 1, message = "must be at least 1") @Max(value = 100_000, message = "must be at most 100000")
            Integer selfHostPlannedReplicas) {
    }

    @Schema(description = "Context the rules read beyond cost. Missing flags are false.")
    public record Constraints(Boolean dataResidency, Boolean airGapped, Boolean reproducibilityRequired, Boolean customWeights,
            Boolean broadCapabilities, Boolean iteratingFast, Boolean aiInfraCompany, Boolean sovereign, Boolean moatFineTune) {
    }

    @Schema(description = "The counting eval result of one model.")
    public record Eval(
            @Schema(example = "llama-3-70b") @NotBlank(message = "is required") @Size(max = 80, message = "must be at most 80 characters")
            String model,
            @Schema(description = "INCUMBENT (the model in production today) or CANDIDATE (an open model).")
            @NotNull(message = "is required") Role role,
            @Schema(description = "Score or pass rate on the eval set's scale: 0–100 (default) or 0–1.", example = "87")
            @NotNull(message = "is required") @Finite(message = "must be a number on the eval's scale")
            @DecimalMin(value = "0", message = "must be between 0 and 100")
            @DecimalMax(value = "100", message = "must be between 0 and 100") Double score,
            @Schema(description = "The score's scale: PERCENT (0–100, default) or FRACTION (0–1). Scores on different scales "
                    + "are never compared.") Scale scale,
            @Schema(description = "The eval set the score was measured on; default: answers.evalSet. Scores of different eval "
                    + "sets are never compared.")
            @Size(max = 120, message = "must be at most 120 characters") String evalSet) {

        public enum Role {
            INCUMBENT, CANDIDATE
        }

        /** The eval set's score scale. */
        public enum Scale {
            PERCENT(100), FRACTION(1);

            final double max;

            Scale(double max) {
                this.max = max;
            }
        }

        /** A score on the 0–100 scale of the request's eval set. */
        public Eval(String model, Role role, Double score) {
            this(model, role, score, null, null);
        }
    }

    @Schema(description = "Optional: the models, to price them from the catalog instead of the reference models.")
    public record Models(
            @Size(max = 80, message = "must be at most 80 characters") String incumbentProvider,
            @Schema(example = "gpt-4.1") @Size(max = 80, message = "must be at most 80 characters") String incumbentModel,
            @Schema(example = "[\"llama-3-70b\"]") @Size(max = 10, message = "must list at most 10 models") List<String> candidates,
            @Schema(description = "The hosted-open provider the workload ran on, if any.")
            @Size(max = 80, message = "must be at most 80 characters") String hostedOpenProvider,
            @Schema(description = "The hosted-open provider to price the candidate at (Together, Fireworks, Groq, DeepInfra…); "
                    + "default: where it ran, else the cheapest in the catalog.")
            @Size(max = 80, message = "must be at most 80 characters") String candidateProvider) {
    }
}
