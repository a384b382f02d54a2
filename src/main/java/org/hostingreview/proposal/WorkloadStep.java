package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.web.Numbers;

/**
 * Step 1's workload: what the feature runs on today, the open candidates, the volume and its shape, the latency
 * targets and the price modes. The title and the feature, also edited on step 1, stay on {@link Proposal}.
 */
@Embeddable
public class WorkloadStep implements IntakeAnswers<WorkloadStep> {

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

    public WorkloadStep() {
    }

    /** The figures every workload has; the optional ones are left for the caller to set. */
    public static WorkloadStep of(String incumbentProvider, String incumbentModel, Tier currentTier, String candidateModels,
            TaskShape taskShape, Long requestsPerMonth, Integer inputTokensPerRequest, Integer outputTokensPerRequest,
            BigDecimal cachedInputShare, BigDecimal peakToAverage) {
        WorkloadStep w = new WorkloadStep();
        w.incumbentProvider = incumbentProvider;
        w.incumbentModel = incumbentModel;
        w.currentTier = currentTier;
        w.candidateModels = candidateModels;
        w.taskShape = taskShape;
        w.requestsPerMonth = requestsPerMonth;
        w.inputTokensPerRequest = inputTokensPerRequest;
        w.outputTokensPerRequest = outputTokensPerRequest;
        w.cachedInputShare = cachedInputShare == null ? BigDecimal.ZERO : cachedInputShare;
        w.peakToAverage = peakToAverage;
        return w;
    }

    /** The workload a valid form describes, with its tier and task shape already parsed. */
    static WorkloadStep from(ProposalForms.FeatureAndWorkload f, Tier tier, TaskShape shape) {
        WorkloadStep w = of(f.incumbentProvider().strip(), f.incumbentModel().strip(), tier, f.candidateModels().strip(), shape,
                Numbers.whole(f.requestsPerMonth()), Numbers.wholeInt(f.inputTokensPerRequest()),
                Numbers.wholeInt(f.outputTokensPerRequest()), Numbers.decimal(f.cachedInputShare()),
                Numbers.decimal(f.peakToAverage()));
        w.busyDayTokens = Numbers.whole(f.busyDayTokens());
        w.quietDayTokens = Numbers.whole(f.quietDayTokens());
        w.ttftTargetMs = Numbers.wholeInt(f.ttftTargetMs());
        w.itlTargetMs = Numbers.wholeInt(f.itlTargetMs());
        w.candidateProvider = IntakeAnswers.text(f.candidateProvider());
        w.batchShare = Numbers.decimal(f.batchShare());
        w.cacheWriteShare = Numbers.decimal(f.cacheWriteShare());
        return w;
    }

    /** Step 1's form as stored, with the proposal's title and feature. */
    ProposalForms.FeatureAndWorkload form(String title, String featureId, String version) {
        return new ProposalForms.FeatureAndWorkload(title, featureId, "", "", ProposalForms.nz(incumbentProvider),
                ProposalForms.nz(incumbentModel), currentTier.name(), ProposalForms.nz(candidateModels),
                taskShape == null ? "" : taskShape.name(), Numbers.field(requestsPerMonth), Numbers.field(inputTokensPerRequest),
                Numbers.field(outputTokensPerRequest), Numbers.field(cachedInputShare), Numbers.field(peakToAverage),
                Numbers.field(busyDayTokens), Numbers.field(quietDayTokens), Numbers.field(ttftTargetMs),
                Numbers.field(itlTargetMs), ProposalForms.nz(candidateProvider), Numbers.field(batchShare),
                Numbers.field(cacheWriteShare), "", version);
    }

    @Override
    public WorkloadStep copy() {
        WorkloadStep w = of(incumbentProvider, incumbentModel, currentTier, candidateModels, taskShape, requestsPerMonth,
                inputTokensPerRequest, outputTokensPerRequest, cachedInputShare, peakToAverage);
        w.busyDayTokens = busyDayTokens;
        w.quietDayTokens = quietDayTokens;
        w.ttftTargetMs = ttftTargetMs;
        w.itlTargetMs = itlTargetMs;
        w.candidateProvider = candidateProvider;
        w.batchShare = batchShare;
        w.cacheWriteShare = cacheWriteShare;
        return w;
    }

    @Override
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("incumbentProvider", incumbentProvider);
        v.put("incumbentModel", incumbentModel);
        v.put("currentTier", currentTier);
        v.put("candidateModels", candidateModels);
        v.put("taskShape", taskShape);
        v.put("requestsPerMonth", requestsPerMonth);
        v.put("inputTokensPerRequest", inputTokensPerRequest);
        v.put("outputTokensPerRequest", outputTokensPerRequest);
        v.put("cachedInputShare", IntakeAnswers.plain(cachedInputShare));
        v.put("peakToAverage", IntakeAnswers.plain(peakToAverage));
        v.put("busyDayTokens", busyDayTokens);
        v.put("quietDayTokens", quietDayTokens);
        v.put("ttftTargetMs", ttftTargetMs);
        v.put("itlTargetMs", itlTargetMs);
        v.put("candidateProvider", candidateProvider);
        v.put("batchShare", IntakeAnswers.plain(batchShare));
        v.put("cacheWriteShare", IntakeAnswers.plain(cacheWriteShare));
        return v;
    }

    /** The peak-to-average ratio the cost model uses: entered, or derived from a busy day's tokens. */
    public BigDecimal effectivePeakToAverage() {
        if (peakToAverage != null) {
            return peakToAverage;
        }
        return Workloads.peakToAverage(busyDayTokens, requestsPerMonth, inputTokensPerRequest, outputTokensPerRequest);
    }

    /** Tokens per month (0 when a figure is missing). */
    double tokensPerMonth() {
        return requestsPerMonth == null || inputTokensPerRequest == null || outputTokensPerRequest == null ? 0
                : requestsPerMonth * (double) (inputTokensPerRequest + outputTokensPerRequest);
    }

    /**
     * This workload at what a check-in observed: its volume, tokens and spend tier, with busy and quiet days keeping
     * their shape at the new volume.
     */
    WorkloadStep observed(long requests, Integer inputTokens, Integer outputTokens, Tier spendTier) {
        double filed = tokensPerMonth();
        WorkloadStep w = copy();
        w.requestsPerMonth = requests;
        w.inputTokensPerRequest = inputTokens;
        w.outputTokensPerRequest = outputTokens;
        w.currentTier = spendTier;
        if (filed > 0) {
            double scale = w.tokensPerMonth() / filed;
            w.busyDayTokens = busyDayTokens == null ? null : Math.round(busyDayTokens * scale);
            w.quietDayTokens = quietDayTokens == null ? null : Math.round(quietDayTokens * scale);
        }
        return w;
    }
}
