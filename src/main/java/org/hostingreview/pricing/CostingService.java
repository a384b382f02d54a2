package org.hostingreview.pricing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.BreakEvens;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.evaluation.EvalRole;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.recommendation.Answers;
import org.hostingreview.recommendation.Constraints;
import org.hostingreview.recommendation.ProposalInputs;
import org.hostingreview.recommendation.Recommender;
import org.hostingreview.recommendation.Score;

/**
 * Costs stored proposals with the catalog in force on a day: loads the catalog (four queries, whatever its
 * history), maps the proposal and its counting eval runs onto the plain-Java model, and runs it.
 */
@ApplicationScoped
public class CostingService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The catalog in force on {@code asOf}. */
    @Transactional(TxType.SUPPORTS)
    public CatalogSnapshot snapshot(LocalDate asOf) {
        return snapshot(asOf, null);
    }

    /** The catalog in force on {@code asOf}, as if the row {@code excluded} (a {@link CatalogRef}) did not exist. */
    @Transactional(TxType.SUPPORTS)
    public CatalogSnapshot snapshot(LocalDate asOf, String excluded) {
        return new CatalogSnapshot(asOf,
                without(em.createQuery("from ModelPrice where effectiveFrom <= :d", ModelPrice.class).setParameter("d", asOf)
                        .getResultList(), CatalogRef::of, excluded),
                without(em.createQuery("from GpuPrice where effectiveFrom <= :d", GpuPrice.class).setParameter("d", asOf)
                        .getResultList(), CatalogRef::of, excluded),
                without(em.createQuery("from ServingThroughput where effectiveFrom <= :d", ServingThroughput.class)
                        .setParameter("d", asOf).getResultList(), CatalogRef::of, excluded),
                without(em.createQuery("from PolicyValue where effectiveFrom <= :d", PolicyValue.class).setParameter("d", asOf)
                        .getResultList(), CatalogRef::of, excluded));
    }

    private static <T> List<T> without(List<T> rows, java.util.function.Function<T, String> ref, String excluded) {
        return excluded == null ? rows : rows.stream().filter(row -> !excluded.equals(ref.apply(row))).toList();
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
        List<String> notes = new ArrayList<>();
        CatalogSnapshot.Resolution resolution = catalog.resolve(request(proposal, runs));
        notes.addAll(resolution.notes());
        Assumptions a = resolution.assumptions();
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
        a = a.withOverrides(saved(proposal)).withOverrides(overrides);
        notes.add(sizedOn(a));
        ProposalInputs inputs = inputs(proposal, runs, volumeMultiple);
        if (volumeMultiple != 1 && proposal.currentMonthlySpendUsd != null) {
            notes.add(String.format("What-if volume: the stated spend is scaled by %s× as well.",
                    BreakEvens.multiple(volumeMultiple)));
        }
        return new Costing(inputs, resolution, a, Recommender.recommend(inputs, a), volumeMultiple, overrides, notes);
    }

    /** Costs a proposal with its inputs changed by {@code adjust} (a check-in's actuals, a decision's baseline). */
    public Costing cost(Proposal proposal, List<EvalResult> runs, CatalogSnapshot catalog,
            java.util.function.UnaryOperator<ProposalInputs> adjust) {
        Costing plain = cost(proposal, runs, catalog);
        ProposalInputs inputs = adjust.apply(plain.inputs());
        return new Costing(inputs, plain.resolution(), plain.assumptions(), Recommender.recommend(inputs, plain.assumptions()), 1,
                Map.of(), plain.notes());
    }

    /** Which serving rate self-hosting is sized on, measured or estimated, so that the page can say so. */
    static String sizedOn(Assumptions a) {
        if (a.get(Param.REPLICA_TOKENS_PER_SECOND) > 0) {
            ValueSource blended = a.source(Param.REPLICA_TOKENS_PER_SECOND);
            return String.format("Self-hosting is sized on one blended rate of %s tokens/s per replica for input and output alike (%s).",
                    org.hostingreview.costmodel.Text.number(a.get(Param.REPLICA_TOKENS_PER_SECOND)),
                    blended.kind() == ValueSource.Kind.CATALOG ? blended.describes() : "a stated assumption");
        }
        ValueSource decode = a.source(Param.DECODE_TOKENS_PER_SECOND);
        String rates = String.format("prefill %,.0f and decode %,.0f tokens/s per replica", a.get(Param.PREFILL_TOKENS_PER_SECOND),
                a.get(Param.DECODE_TOKENS_PER_SECOND));
        return switch (decode.kind()) {
            case CATALOG -> "Self-hosting is sized on " + rates + ": " + decode.describes() + ", checked " + decode.checkedOn() + ".";
            case DEFAULT -> "Self-hosting is sized on the framework's default " + rates + " (estimated; no catalog row for this model).";
            default -> "Self-hosting is sized on " + rates + " (a stated assumption).";
        };
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
