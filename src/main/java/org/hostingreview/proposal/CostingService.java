package org.hostingreview.proposal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.evaluation.EvalRole;
import org.hostingreview.pricing.CatalogCosting;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.recommendation.Answers;
import org.hostingreview.recommendation.Constraints;
import org.hostingreview.recommendation.ProposalInputs;
import org.hostingreview.recommendation.Score;

/**
 * Costs stored proposals with the catalog in force on a day: maps the proposal and its counting eval runs onto
 * what the catalog prices ({@link CatalogSnapshot.Request}) and the plain-Java model's {@link ProposalInputs}, and
 * has {@link CatalogCosting} cost them.
 */
@ApplicationScoped
public class CostingService {

    @Inject
    EntityManager em;

    @Inject
    CatalogCosting catalog;

    public LocalDate today() {
        return catalog.today();
    }

    /** The catalog in force on {@code asOf}. */
    public CatalogSnapshot snapshot(LocalDate asOf) {
        return catalog.snapshot(asOf);
    }

    /** The catalog in force on {@code asOf}, as if the row {@code excluded} did not exist. */
    public CatalogSnapshot snapshot(LocalDate asOf, String excluded) {
        return catalog.snapshot(asOf, excluded);
    }

    /** The counting eval runs of many proposals in one query. */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, List<EvalResult>> runsOf(List<Proposal> proposals) {
        if (proposals.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from EvalResult e where e.proposal.id in :ids order by e.runDate desc, e.id desc", EvalResult.class)
                .setParameter("ids", proposals.stream().map(p -> p.id).toList()).getResultStream()
                .collect(Collectors.groupingBy(e -> e.proposal.id, Collectors.toList()));
    }

    /** The day a proposal is costed as of when nobody asks otherwise: its saved date, else today. */
    public LocalDate asOf(Proposal proposal) {
        return proposal.costedAsOf != null ? proposal.costedAsOf : today();
    }

    /** Costs a proposal as filed (saved assumptions included). */
    public Costing cost(Proposal proposal, List<EvalResult> runs, CatalogSnapshot catalog) {
        return cost(proposal, runs, catalog, 1, Map.of());
    }

    /**
     * Costs a proposal at {@code volumeMultiple} times its volume with {@code overrides} on top of its saved
     * assumptions. A stated spend (Q1) is scaled with the volume, since it is billed per token today.
     */
    public Costing cost(Proposal proposal, List<EvalResult> runs, CatalogSnapshot catalog, double volumeMultiple,
            Map<Param, Double> overrides) {
        return CatalogCosting.cost(catalog, request(proposal, runs), a -> stated(proposal, a), inputs(proposal, runs, volumeMultiple),
                volumeMultiple, overrides, proposal.currentMonthlySpendUsd != null);
    }

    /** What the proposal states about its costs (Q4, procurement, support, batch and cache shares, saved what-ifs). */
    private static Assumptions stated(Proposal proposal, Assumptions a) {
        if (proposal.upgradeCadenceMonths != null) {
            a = a.with(Param.UPGRADE_CADENCE, proposal.upgradeCadenceMonths, ValueSource.proposal("Q4 upgrade cadence"));
        }
        if (proposal.upgradeEffortEngineerMonths != null) {
            a = a.with(Param.UPGRADE_EFFORT, proposal.upgradeEffortEngineerMonths.doubleValue(),
                    ValueSource.proposal("Q4 effort per upgrade"));
        }
        if (proposal.gpuProcurement != null) {
            a = a.with(Param.GPU_PROCUREMENT, proposal.gpuProcurement.code(), ValueSource.proposal("GPU procurement: "
                    + proposal.gpuProcurement.label()));
        }
        if (proposal.support24x7) {
            a = a.with(Param.SUPPORT_24X7, 1, ValueSource.proposal("24×7 support required"));
        }
        if (proposal.batchShare != null) {
            a = a.with(Param.BATCH_SHARE, proposal.batchShare.doubleValue(), ValueSource.proposal("share of requests through a batch API"));
        }
        if (proposal.cacheWriteShare != null) {
            a = a.with(Param.CACHE_WRITE_SHARE, proposal.cacheWriteShare.doubleValue(),
                    ValueSource.proposal("share of uncached input written to the prompt cache"));
        }
        return a.withOverrides(saved(proposal));
    }

    /** Costs a proposal with its inputs changed by {@code adjust} (a check-in's actuals, a decision's baseline). */
    public Costing cost(Proposal proposal, List<EvalResult> runs, CatalogSnapshot catalog,
            UnaryOperator<ProposalInputs> adjust) {
        return CatalogCosting.recost(cost(proposal, runs, catalog), adjust);
    }

    /** The saved what-if assumptions of a proposal, known parameters only. */
    public static Map<Param, Double> saved(Proposal proposal) {
        Map<Param, Double> saved = new EnumMap<>(Param.class);
        if (proposal.assumptions != null) {
            proposal.assumptions.forEach((key, value) -> Param.byKey(key)
                    .filter(param -> value != null && param.accepts(value)).ifPresent(param -> saved.put(param, value)));
        }
        return saved;
    }

    /**
     * What the proposal is priced on. The open tiers are priced on the candidate they are judged on: candidates with a
     * counting eval score come first, best first, so the catalog prices the best-scoring candidate it knows.
     */
    static CatalogSnapshot.Request request(Proposal p, List<EvalResult> runs) {
        List<String> named = p.candidateModels == null ? List.of()
                : Arrays.stream(p.candidateModels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> candidates = new ArrayList<>();
        EvalResult.latestPerModel(runs).stream().filter(run -> run.role == EvalRole.CANDIDATE)
                .sorted(java.util.Comparator.comparingDouble((EvalResult run) -> -score(run).passRate()))
                .forEach(run -> candidates.add(run.model));
        named.stream().filter(name -> candidates.stream().noneMatch(name::equalsIgnoreCase)).forEach(candidates::add);
        return new CatalogSnapshot.Request(p.incumbentProvider, p.incumbentModel, p.currentTier, candidates,
                Boolean.TRUE.equals(p.hostedOpenTried) ? p.hostedOpenProvider : null,
                nz(p.inputTokensPerRequest), nz(p.outputTokensPerRequest), p.cachedInputShare.doubleValue(), p.ttftTargetMs,
                p.itlTargetMs, p.candidateProvider);
    }

    public static ProposalInputs inputs(Proposal p, List<EvalResult> runs, double volumeMultiple) {
        double peak = p.effectivePeakToAverage() == null ? 1 : Math.max(1, p.effectivePeakToAverage().doubleValue());
        Workload workload = new Workload(Math.round(nz(p.requestsPerMonth) * volumeMultiple), nz(p.inputTokensPerRequest),
                nz(p.outputTokensPerRequest), p.cachedInputShare.doubleValue(), peak, p.ttftTargetMs);
        Double spend = p.currentMonthlySpendUsd == null ? null : p.currentMonthlySpendUsd.doubleValue() * volumeMultiple;
        // Q3: null when not answered (or tried for an unknown time), 0 when not tried
        Double monthsRun = p.hostedOpenTried == null ? null : !p.hostedOpenTried ? Double.valueOf(0)
                : p.hostedOpenMonthsRun == null ? null : Double.valueOf(p.hostedOpenMonthsRun.doubleValue());
        String evalSet = Boolean.TRUE.equals(p.noEvalYet) ? null : p.evalSetName;
        Answers answers = new Answers(spend, p.mlOpsEngineers, p.hiresPlanned, monthsRun, p.upgradeOwner, evalSet,
                p.selfHostEstimateUsd == null ? null : p.selfHostEstimateUsd.doubleValue(), p.currentTier,
                p.selfHostPlannedReplicas);
        Constraints constraints = new Constraints(p.dataResidency, p.airGapped, p.reproducibilityRequired, p.customWeights,
                p.needsBroadCapabilities(), p.iteratingFast, p.aiInfraCompany, p.sovereign, p.moatFineTune);
        List<Score> scores = EvalResult.latestPerModel(runs).stream().map(CostingService::score).toList();
        return new ProposalInputs(workload, answers, constraints, scores);
    }

    /** An eval run as the engine reads it: on its kind's scale, in its eval set. */
    static Score score(EvalResult run) {
        return new Score(run.model, run.role == EvalRole.INCUMBENT ? Score.Role.INCUMBENT : Score.Role.CANDIDATE,
                run.score.doubleValue(), run.scoreKind.scaleMax(), run.evalSet);
    }

    private static long nz(Number value) {
        return value == null ? 0 : value.longValue();
    }
}
