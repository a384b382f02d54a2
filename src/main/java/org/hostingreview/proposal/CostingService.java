package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
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

    /** The catalog in force on {@code asOf}, its stamp already read. */
    public CatalogSnapshot snapshot(LocalDate asOf, CatalogCosting.Stamp stamp) {
        return catalog.snapshot(asOf, stamp);
    }

    /** The catalog's stamp now (one statement). */
    public CatalogCosting.Stamp stamp() {
        return catalog.stamp();
    }

    /** The catalog in force on {@code asOf}, as if the row {@code excluded} did not exist. */
    public CatalogSnapshot snapshot(LocalDate asOf, String excluded) {
        return catalog.snapshot(asOf, excluded);
    }

    /** The tier recommended today for each of these proposals (by id), costed on today's catalog as a list shows it. */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, Tier> recommendedToday(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Proposal> listed = em.createQuery("from Proposal p join fetch p.feature join fetch p.team where p.id in :ids",
                Proposal.class).setParameter("ids", ids).getResultList();
        Map<Long, List<EvalResult>> runs = runsOf(listed);
        CatalogSnapshot catalog = snapshot(today());
        Map<Long, Tier> recommended = new HashMap<>();
        for (Proposal proposal : listed) {
            recommended.put(proposal.id, cost(proposal, runs.getOrDefault(proposal.id, List.of()), catalog)
                    .recommendation().recommended());
        }
        return recommended;
    }

    /** Ids bound per query: well below PostgreSQL's limit of 65,535 parameters. */
    public static final int ID_CHUNK = 1000;

    /** The counting eval runs of many proposals, a bounded chunk of ids per query. */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, List<EvalResult>> runsOf(List<Proposal> proposals) {
        if (proposals.isEmpty()) {
            return Map.of();
        }
        // bounded id lists (a list of every id breaks at PostgreSQL's 65,535 parameters once Hibernate pads it)
        Map<Long, List<EvalResult>> runs = new java.util.HashMap<>();
        List<Long> ids = proposals.stream().map(p -> p.id).toList();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            em.createQuery("from EvalResult e where e.proposal.id in :ids order by e.runDate desc, e.id desc", EvalResult.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + ID_CHUNK))).getResultStream()
                    .forEach(e -> runs.computeIfAbsent(e.proposal.id, k -> new java.util.ArrayList<>()).add(e));
        }
        return runs;
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
                volumeMultiple, overrides, proposal.spend.currentMonthlySpendUsd != null);
    }

    /** The values {@link #cost(Proposal, List, CatalogSnapshot)} costs a proposal with (its catalog rows), without costing it. */
    public org.hostingreview.costmodel.Assumptions assumptions(Proposal proposal, List<EvalResult> runs, CatalogSnapshot catalog) {
        return CatalogCosting.assumptions(catalog, request(proposal, runs), a -> stated(proposal, a), Map.of());
    }

    /** What the proposal states about its costs (Q4, procurement, support, batch and cache shares, saved what-ifs). */
    private static Assumptions stated(Proposal proposal, Assumptions a) {
        UpgradePlanStep upgrades = proposal.upgradePlan;
        ConstraintsStep constraints = proposal.constraints;
        WorkloadStep workload = proposal.workload;
        if (upgrades.upgradeCadenceMonths != null) {
            a = a.with(Param.UPGRADE_CADENCE, upgrades.upgradeCadenceMonths, ValueSource.proposal("Q4 upgrade cadence"));
        }
        if (upgrades.upgradeEffortEngineerMonths != null) {
            a = a.with(Param.UPGRADE_EFFORT, upgrades.upgradeEffortEngineerMonths.doubleValue(),
                    ValueSource.proposal("Q4 effort per upgrade"));
        }
        if (constraints.gpuProcurement != null) {
            a = a.with(Param.GPU_PROCUREMENT, constraints.gpuProcurement.code(), ValueSource.proposal("GPU procurement: "
                    + constraints.gpuProcurement.label()));
        }
        if (constraints.support24x7) {
            a = a.with(Param.SUPPORT_24X7, 1, ValueSource.proposal("24×7 support required"));
        }
        if (workload.batchShare != null) {
            a = a.with(Param.BATCH_SHARE, workload.batchShare.doubleValue(), ValueSource.proposal("share of requests through a batch API"));
        }
        if (workload.cacheWriteShare != null) {
            a = a.with(Param.CACHE_WRITE_SHARE, workload.cacheWriteShare.doubleValue(),
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
                    .filter(param -> value != null && param.check(value)).ifPresent(param -> saved.put(param, value)));
        }
        return saved;
    }

    /**
     * What the proposal is priced on. The open tiers are priced on the candidate they are judged on: candidates with a
     * counting eval score come first, best first, so the catalog prices the best-scoring candidate it knows.
     */
    static CatalogSnapshot.Request request(Proposal p, List<EvalResult> runs) {
        WorkloadStep w = p.workload;
        HostedOpenStep tried = p.hostedOpen;
        List<String> named = w.candidateModels == null ? List.of()
                : Arrays.stream(w.candidateModels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> candidates = new ArrayList<>();
        EvalResult.latestPerModel(runs).stream().filter(run -> run.role == EvalRole.CANDIDATE)
                .sorted(java.util.Comparator.comparingDouble((EvalResult run) -> -score(run).passRate()))
                .forEach(run -> candidates.add(run.model));
        named.stream().filter(name -> candidates.stream().noneMatch(name::equalsIgnoreCase)).forEach(candidates::add);
        return new CatalogSnapshot.Request(w.incumbentProvider, w.incumbentModel, w.currentTier, candidates,
                Boolean.TRUE.equals(tried.hostedOpenTried) ? tried.hostedOpenProvider : null,
                nz(w.inputTokensPerRequest), nz(w.outputTokensPerRequest), w.cachedInputShare.doubleValue(), w.ttftTargetMs,
                w.itlTargetMs, w.candidateProvider);
    }

    /** The plain-Java model's inputs: each step's answers as the engine reads them, at a multiple of the volume. */
    public static ProposalInputs inputs(Proposal p, List<EvalResult> runs, double volumeMultiple) {
        WorkloadStep w = p.workload;
        BigDecimal effectivePeak = w.effectivePeakToAverage();
        double peak = effectivePeak == null ? 1 : Math.max(1, effectivePeak.doubleValue());
        Workload workload = new Workload(Math.round(nz(w.requestsPerMonth) * volumeMultiple), nz(w.inputTokensPerRequest),
                nz(w.outputTokensPerRequest), w.cachedInputShare.doubleValue(), peak, w.ttftTargetMs);
        BigDecimal stated = p.spend.currentMonthlySpendUsd;
        Double spend = stated == null ? null : stated.doubleValue() * volumeMultiple;
        MlOpsStep mlOps = p.mlOps;
        ConstraintsStep c = p.constraints;
        Answers answers = new Answers(spend, mlOps.mlOpsEngineers, mlOps.hiresPlanned, p.hostedOpen.monthsRun(),
                p.upgradePlan.upgradeOwner, p.quality.evalSetForEngine(),
                c.selfHostEstimateUsd == null ? null : c.selfHostEstimateUsd.doubleValue(), w.currentTier,
                c.selfHostPlannedReplicas);
        Constraints constraints = new Constraints(c.dataResidency, c.airGapped, c.reproducibilityRequired, c.customWeights,
                c.needsBroadCapabilities(), c.iteratingFast, c.aiInfraCompany, c.sovereign, c.moatFineTune);
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
