package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hostingreview.account.Team;
import org.hostingreview.account.UserAccount;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.web.ConflictException;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A team's proposal for where one feature's model should run: the workload, the answers to the
 * framework's five questions, and the constraints the rules read. Filled in over the steps of
 * {@link Step}; {@link #stepsSaved} records which steps have been answered.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "feature_id")
    public Feature feature;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    public UserAccount owner;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProposalStatus status = ProposalStatus.DRAFT;

    @Column(name = "steps_saved", nullable = false)
    public int stepsSaved;

    // Step 1: feature and workload
    @Column(name = "incumbent_provider")
    public String incumbentProvider;
    @Column(name = "incumbent_model")
    public String incumbentModel;
    @Enumerated(EnumType.STRING)
    @Column(name = "current_tier", nullable = false)
    public Tier currentTier = Tier.FRONTIER_CLOSED;
    @Column(name = "candidate_models")
    public String candidateModels;
    @Enumerated(EnumType.STRING)
    @Column(name = "task_shape")
    public TaskShape taskShape;
    @Column(name = "requests_per_month")
    public Long requestsPerMonth;
    @Column(name = "input_tokens_per_request")
    public Integer inputTokensPerRequest;
    @Column(name = "output_tokens_per_request")
    public Integer outputTokensPerRequest;
    @Column(name = "cached_input_share", nullable = false)
    public BigDecimal cachedInputShare = BigDecimal.ZERO;
    @Column(name = "peak_to_average")
    public BigDecimal peakToAverage;
    @Column(name = "busy_day_tokens")
    public Long busyDayTokens;
    @Column(name = "quiet_day_tokens")
    public Long quietDayTokens;
    @Column(name = "ttft_target_ms")
    public Integer ttftTargetMs;
    @Column(name = "itl_target_ms")
    public Integer itlTargetMs;
    /** The hosted-open provider the candidate would run on (null: the cheapest in the catalog). */
    @Column(name = "candidate_provider")
    public String candidateProvider;
    /** Share of requests that can wait for a batch API (null: none). */
    @Column(name = "batch_share")
    public BigDecimal batchShare;
    /** Share of uncached input written into the provider's prompt cache (billed at the cache-write price). */
    @Column(name = "cache_write_share")
    public BigDecimal cacheWriteShare;

    // Q1
    @Column(name = "current_monthly_spend_usd")
    public BigDecimal currentMonthlySpendUsd;

    // Q2
    @Column(name = "mlops_engineers")
    public Integer mlOpsEngineers;
    @Column(name = "hires_planned")
    public Boolean hiresPlanned;

    // Q3
    @Column(name = "hosted_open_tried")
    public Boolean hostedOpenTried;
    @Column(name = "hosted_open_provider")
    public String hostedOpenProvider;
    @Column(name = "hosted_open_model")
    public String hostedOpenModel;
    @Column(name = "hosted_open_months_run")
    public BigDecimal hostedOpenMonthsRun;
    @Column(name = "hosted_open_monthly_cost_usd")
    public BigDecimal hostedOpenMonthlyCostUsd;
    @Column(name = "hosted_open_quality")
    public BigDecimal hostedOpenQuality;

    // Q4
    @Column(name = "upgrade_owner")
    public String upgradeOwner;
    @Column(name = "upgrade_cadence_months")
    public Integer upgradeCadenceMonths;
    @Column(name = "upgrade_effort_engineer_months")
    public BigDecimal upgradeEffortEngineerMonths;

    // Q5
    @Column(name = "no_eval_yet")
    public Boolean noEvalYet;
    @Column(name = "eval_set_name")
    public String evalSetName;
    @Column(name = "eval_set_size")
    public Integer evalSetSize;
    @Column(name = "pass_criterion")
    public String passCriterion;

    // Constraints and context
    @Column(name = "data_residency", nullable = false)
    public boolean dataResidency;
    @Column(name = "air_gapped", nullable = false)
    public boolean airGapped;
    @Column(name = "reproducibility_required", nullable = false)
    public boolean reproducibilityRequired;
    @Column(name = "custom_weights", nullable = false)
    public boolean customWeights;
    @Column(name = "needs_multimodal", nullable = false)
    public boolean needsMultimodal;
    @Column(name = "needs_tool_use", nullable = false)
    public boolean needsToolUse;
    @Column(name = "needs_long_context", nullable = false)
    public boolean needsLongContext;
    @Column(name = "needs_structured_output", nullable = false)
    public boolean needsStructuredOutput;
    @Column(name = "iterating_fast", nullable = false)
    public boolean iteratingFast;
    @Column(name = "ai_infra_company", nullable = false)
    public boolean aiInfraCompany;
    @Column(nullable = false)
    public boolean sovereign;
    @Column(name = "moat_fine_tune", nullable = false)
    public boolean moatFineTune;
    @Column(name = "self_host_estimate_usd")
    public BigDecimal selfHostEstimateUsd;
    @Column(name = "self_host_planned_replicas")
    public Integer selfHostPlannedReplicas;
    /** How the self-hosted GPUs would be paid for (null: on demand). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "gpu_procurement")
    public org.hostingreview.costmodel.GpuProcurement gpuProcurement;
    /** The service needs 24×7 support (an on-call rotation). */
    @Column(name = "support_24x7", nullable = false)
    public boolean support24x7;
    @Column(name = "constraints_notes")
    public String constraintsNotes;

    // Costing: saved what-if assumptions (parameter key -> value) and the day the proposal is costed as of
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Double> assumptions = new LinkedHashMap<>();
    @Column(name = "costed_as_of")
    public LocalDate costedAsOf;

    // Review: the current round (bumped on each submission) and the decision in force
    @Column(name = "review_round", nullable = false)
    public int reviewRound;
    @Enumerated(EnumType.STRING)
    @Column(name = "decided_tier")
    public Tier decidedTier;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    // Revisits: why the decision came back for review, since when; the proposals it replaced or was replaced by
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "due_reasons", nullable = false, columnDefinition = "jsonb")
    public List<ReopenReason> dueReasons = new ArrayList<>();
    @Column(name = "due_since")
    public LocalDate dueSince;
    @Column(name = "supersedes_id")
    public Long supersedesId;
    @Column(name = "superseded_by_id")
    public Long supersededById;

    // Lifecycle
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isSaved(Step step) {
        return (stepsSaved & step.bit()) != 0;
    }

    void markSaved(Step step) {
        stepsSaved |= step.bit();
    }

    /** Any of the capabilities that favour a hosted tier (multimodal, tool use, long context, structured output). */
    public boolean needsBroadCapabilities() {
        return needsMultimodal || needsToolUse || needsLongContext || needsStructuredOutput;
    }

    /** The constraints that hold, in words, for the summary. */
    public List<String> constraintLabels() {
        List<String> labels = new ArrayList<>();
        if (dataResidency) {
            labels.add("Data residency");
        }
        if (airGapped) {
            labels.add("Air-gapped");
        }
        if (reproducibilityRequired) {
            labels.add("Reproducibility required");
        }
        if (customWeights) {
            labels.add("Own fine-tuned weights");
        }
        if (needsMultimodal) {
            labels.add("Multimodal");
        }
        if (needsToolUse) {
            labels.add("Tool use");
        }
        if (needsLongContext) {
            labels.add("Long context");
        }
        if (needsStructuredOutput) {
            labels.add("Structured output");
        }
        if (iteratingFast) {
            labels.add("Still iterating fast");
        }
        if (aiInfraCompany) {
            labels.add("AI-infrastructure company");
        }
        if (sovereign) {
            labels.add("Sovereign / defense");
        }
        if (moatFineTune) {
            labels.add("Moat-level fine-tune");
        }
        return labels;
    }

    /** The peak-to-average ratio the cost model uses: entered, or derived from a busy day's tokens. */
    public BigDecimal effectivePeakToAverage() {
        if (peakToAverage != null) {
            return peakToAverage;
        }
        return Workloads.peakToAverage(busyDayTokens, requestsPerMonth, inputTokensPerRequest, outputTokensPerRequest);
    }

    /** Moves to {@code next}, refusing transitions the workflow does not allow. */
    public void moveTo(ProposalStatus next) {
        if (!status.canMoveTo(next)) {
            throw new ConflictException("A proposal that is " + status.label().toLowerCase(Locale.ROOT) + " cannot become "
                    + next.label().toLowerCase(Locale.ROOT) + ".");
        }
        if (next == ProposalStatus.SUBMITTED || next == ProposalStatus.REVIEW_DUE) {
            reviewRound++;
        }
        status = next;
    }

    /** Everything the proposer answered, by field name, for frozen decisions. */
    public Map<String, Object> answers() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Step step : Step.answerable()) {
            all.putAll(stepValues(step));
        }
        return all;
    }

    /** The values one step edits, by field name, for before → after audit records. */
    Map<String, Object> stepValues(Step step) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (step) {
            case FEATURE_AND_WORKLOAD -> {
                v.put("title", title);
                v.put("feature", feature == null ? null : feature.name);
                v.put("incumbentProvider", incumbentProvider);
                v.put("incumbentModel", incumbentModel);
                v.put("currentTier", currentTier);
                v.put("candidateModels", candidateModels);
                v.put("taskShape", taskShape);
                v.put("requestsPerMonth", requestsPerMonth);
                v.put("inputTokensPerRequest", inputTokensPerRequest);
                v.put("outputTokensPerRequest", outputTokensPerRequest);
                v.put("cachedInputShare", plain(cachedInputShare));
                v.put("peakToAverage", plain(peakToAverage));
                v.put("busyDayTokens", busyDayTokens);
                v.put("quietDayTokens", quietDayTokens);
                v.put("ttftTargetMs", ttftTargetMs);
                v.put("itlTargetMs", itlTargetMs);
                v.put("candidateProvider", candidateProvider);
                v.put("batchShare", plain(batchShare));
                v.put("cacheWriteShare", plain(cacheWriteShare));
            }
            case SPEND -> v.put("currentMonthlySpendUsd", plain(currentMonthlySpendUsd));
            case MLOPS -> {
                v.put("mlOpsEngineers", mlOpsEngineers);
                v.put("hiresPlanned", hiresPlanned);
            }
            case HOSTED_OPEN_TRIED -> {
                v.put("hostedOpenTried", hostedOpenTried);
                v.put("hostedOpenProvider", hostedOpenProvider);
                v.put("hostedOpenModel", hostedOpenModel);
                v.put("hostedOpenMonthsRun", plain(hostedOpenMonthsRun));
                v.put("hostedOpenMonthlyCostUsd", plain(hostedOpenMonthlyCostUsd));
                v.put("hostedOpenQuality", plain(hostedOpenQuality));
            }
            case UPGRADE_PLAN -> {
                v.put("upgradeOwner", upgradeOwner);
                v.put("upgradeCadenceMonths", upgradeCadenceMonths);
                v.put("upgradeEffortEngineerMonths", plain(upgradeEffortEngineerMonths));
            }
            case QUALITY -> {
                v.put("noEvalYet", noEvalYet);
                v.put("evalSetName", evalSetName);
                v.put("evalSetSize", evalSetSize);
                v.put("passCriterion", passCriterion);
            }
            case CONSTRAINTS -> {
                v.put("dataResidency", dataResidency);
                v.put("airGapped", airGapped);
                v.put("reproducibilityRequired", reproducibilityRequired);
                v.put("customWeights", customWeights);
                v.put("needsMultimodal", needsMultimodal);
                v.put("needsToolUse", needsToolUse);
                v.put("needsLongContext", needsLongContext);
                v.put("needsStructuredOutput", needsStructuredOutput);
                v.put("iteratingFast", iteratingFast);
                v.put("aiInfraCompany", aiInfraCompany);
                v.put("sovereign", sovereign);
                v.put("moatFineTune", moatFineTune);
                v.put("selfHostEstimateUsd", plain(selfHostEstimateUsd));
                v.put("selfHostPlannedReplicas", selfHostPlannedReplicas);
                v.put("gpuProcurement", gpuProcurement == null ? null : gpuProcurement.name());
                v.put("support24x7", support24x7);
                v.put("constraintsNotes", constraintsNotes);
            }
            case SUBMIT -> {
            }
        }
        return v;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
