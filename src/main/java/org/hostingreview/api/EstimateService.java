package org.hostingreview.api;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.Workload;
import org.hostingreview.evaluation.EvaluationService;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.recommendation.Answers;
import org.hostingreview.recommendation.Constraints;
import org.hostingreview.recommendation.ProposalInputs;
import org.hostingreview.recommendation.Recommendation;
import org.hostingreview.recommendation.Recommender;
import org.hostingreview.recommendation.Score;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.Numbers;
import org.hostingreview.web.SignedInUser;

/** Maps the estimate API onto the cost model: the catalog in force, then the request's overrides by name. */
@ApplicationScoped
public class EstimateService {

    @Inject
    CostingService costing;

    @Inject
    ProposalService proposals;

    @Inject
    EvaluationService evaluations;

    @Inject
    jakarta.persistence.EntityManager em;

    public EstimateResponse estimate(EstimateRequest request) {
        FormErrors errors = FormErrors.none();
        Map<Param, Double> overrides = new EnumMap<>(Param.class);
        if (request.assumptions() != null) {
            request.assumptions().forEach((key, value) -> {
                String field = "assumptions." + key;
                Param param = Param.byKey(key).orElse(null);
                if (param == null) {
                    errors.add(field, "is not a known assumption");
                } else if (value == null || !param.check(value)) {
                    errors.add(field, String.format("must be %s from %s to %s (%s)", param.whole() ? "a whole number" : "a number",
                            Numbers.grouped(param.min(), 4), Numbers.grouped(param.max(), 4), param.unit()));
                } else {
                    overrides.put(param, value);
                }
            });
        }
        if (request.evals() != null) {
            for (int i = 0; i < request.evals().size(); i++) {
                EstimateRequest.Eval eval = request.evals().get(i);
                EstimateRequest.Eval.Scale scale = eval.scale() == null ? EstimateRequest.Eval.Scale.PERCENT : eval.scale();
                if (eval.score() != null && Double.isFinite(eval.score()) && eval.score() > scale.max) {
                    errors.add("evals[" + i + "].score", "must be between 0 and 1 on the FRACTION scale");
                }
            }
        }
        LocalDate asOf = request.asOf() != null ? request.asOf() : costing.today();
        if (asOf.isBefore(LocalDate.of(2015, 1, 1)) || asOf.isAfter(costing.today().plusYears(1))) {
            errors.add("asOf", "must be from 2015 to a year from now");
        }
        errors.throwIfAny();
        ProposalInputs inputs = inputs(request);
        EstimateRequest.Models models = request.models();
        CatalogSnapshot.Request priced = new CatalogSnapshot.Request(
                models == null ? null : models.incumbentProvider(),
                models == null || models.incumbentModel() == null ? "gpt-4.1" : models.incumbentModel(),
                inputs.answers().incumbentTier(),
                models == null || models.candidates() == null ? List.of("llama-3-70b") : models.candidates(),
                models == null ? null : models.hostedOpenProvider(), inputs.workload().inputTokensPerRequest(),
                inputs.workload().outputTokensPerRequest(), inputs.workload().cachedInputShare(), inputs.workload().ttftTargetMs(),
                request.workload().interTokenTargetMs(), models == null ? null : models.candidateProvider());
        CatalogSnapshot.Resolution resolution = costing.snapshot(asOf).resolve(priced);
        Assumptions a = resolution.assumptions().withOverrides(overrides);
        return EstimateResponse.of(Recommender.recommend(inputs, a), a, resolution.notes());
    }

    /**
     * A proposal's recommendation, read in one transaction (one connection, checked once, instead of one per statement),
     * its entities read-only: nothing to compare at the commit. The catalog's stamp is read with the proposal, as the
     * proposal page reads it: two statements, the proposal and its eval runs.
     */
    @jakarta.transaction.Transactional
    public EstimateResponse forProposal(long id, SignedInUser me) {
        em.unwrap(org.hibernate.Session.class).setDefaultReadOnly(true);
        ProposalService.Visible visible = proposals.visibleWithCatalog(id, me);
        Proposal proposal = visible.proposal();
        Costing costed = costing.cost(proposal, evaluations.runs(id), costing.snapshot(costing.asOf(proposal), visible.catalog()));
        Recommendation r = costed.recommendation();
        return EstimateResponse.of(r, costed.assumptions(), costed.notes());
    }

    static ProposalInputs inputs(EstimateRequest request) {
        EstimateRequest.Workload w = request.workload();
        Workload workload = new Workload(w.requestsPerMonth(), w.inputTokensPerRequest(), w.outputTokensPerRequest(),
                w.cachedInputShare() == null ? 0 : w.cachedInputShare(), w.peakToAverage() == null ? 1 : w.peakToAverage(),
                w.ttftTargetMs());
        EstimateRequest.Answers x = request.answers() == null
                ? new EstimateRequest.Answers(null, null, null, null, null, null, null, null, null) : request.answers();
        // an eval list that names its set implies the answer to Q5 when the request leaves it out
        String evalSet = x.evalSet() != null && !x.evalSet().isBlank() ? x.evalSet() : request.evals() == null ? null
                : request.evals().stream().map(EstimateRequest.Eval::evalSet).filter(s -> s != null && !s.isBlank()).findFirst()
                        .orElse(null);
        Answers answers = new Answers(x.currentMonthlySpendUsd(), x.mlOpsEngineers(), x.hiresPlanned(), x.hostedOpenMonthsRun(),
                x.upgradeOwner(), evalSet, x.selfHostEstimateUsd(), x.currentTier() == null ? Tier.FRONTIER_CLOSED : x.currentTier(),
                x.selfHostPlannedReplicas());
        EstimateRequest.Constraints c = request.constraints() == null
                ? new EstimateRequest.Constraints(null, null, null, null, null, null, null, null, null) : request.constraints();
        Constraints constraints = new Constraints(on(c.dataResidency()), on(c.airGapped()), on(c.reproducibilityRequired()),
                on(c.customWeights()), on(c.broadCapabilities()), on(c.iteratingFast()), on(c.aiInfraCompany()), on(c.sovereign()),
                on(c.moatFineTune()));
        List<Score> scores = request.evals() == null ? List.of() : request.evals().stream()
                .map(e -> new Score(e.model(), e.role() == EstimateRequest.Eval.Role.INCUMBENT ? Score.Role.INCUMBENT
                        : Score.Role.CANDIDATE, e.score(), e.scale() == null ? 100 : e.scale().max,
                        e.evalSet() != null && !e.evalSet().isBlank() ? e.evalSet() : evalSet)).toList();
        return new ProposalInputs(workload, answers, constraints, scores);
    }

    private static boolean on(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
