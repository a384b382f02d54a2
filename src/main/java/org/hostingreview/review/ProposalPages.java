package org.hostingreview.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.evaluation.EvaluationService;
import org.hostingreview.pricing.Costing;
import org.hostingreview.pricing.RecommendationView;
import org.hostingreview.pricing.WhatIf;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.ProgressItem;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.WhatIfChange;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.SignedInUser;

/** Builds the proposal page: its costing (or a what-if's), the review panel and the review form to show. */
@ApplicationScoped
public class ProposalPages {

    @Inject
    EvaluationService evaluations;

    @Inject
    CostingService costing;

    @Inject
    ReviewService reviews;

    /**
     * The page of {@code proposal} for {@code me}: with {@code whatIf} applied (its {@code query} kept for the links), and
     * the review form as posted ({@code reviewForm}, its errors or conflict) or a fresh one.
     */
    @Transactional(TxType.SUPPORTS)
    public ProposalPageView of(Proposal proposal, SignedInUser me, WhatIf whatIf, String query, ReviewForm reviewForm,
            FormErrors reviewErrors, String reviewConflict) {
        List<EvalResult> runs = evaluations.runs(proposal.id);
        LocalDate asOf = whatIf.asOf() != null ? whatIf.asOf() : costing.asOf(proposal);
        Long filedRequests = proposal.workload.requestsPerMonth;
        double multiple = whatIf.requests() != null && filedRequests != null && filedRequests > 0
                ? whatIf.requests() / (double) filedRequests : 1;
        Costing costed = costing.cost(proposal, runs, costing.snapshot(asOf), multiple, whatIf.overrides());
        ReviewService.Panel panel = reviews.panel(proposal, me, costed);
        // a re-review decides on the observed workload: without a what-if, the recommendation shows what is decided on
        boolean whatIfAsked = multiple != 1 || !whatIf.overrides().isEmpty() || whatIf.asOf() != null;
        Costing shown = panel.observed() != null && !whatIfAsked ? panel.decidedOn() : costed;
        ReviewForm form = reviewForm != null ? reviewForm : new ReviewForm("", panel.approvedTier() != null
                ? panel.approvedTier().name() : panel.recommendedTier(), "", "", "", panel.defaultNextReview().toString(),
                String.valueOf(proposal.version), UUID.randomUUID().toString());
        var hostedOpenCost = proposal.hostedOpen.hostedOpenMonthlyCostUsd;
        return new ProposalPageView(proposal, runs, EvalResult.latestPerModel(runs), ProgressItem.of(proposal, null),
                ProposalService.missingSteps(proposal), ProposalService.canEdit(me, proposal),
                ProposalService.isTeamProposer(me, proposal) && proposal.status.withdrawable(),
                RecommendationView.of(shown, hostedOpenCost == null ? null : hostedOpenCost.doubleValue()), whatIf, query,
                whatIfAsked && whatIf.errors().isEmpty()
                        ? WhatIfChange.of(costing.cost(proposal, runs, costing.snapshot(costing.asOf(proposal))), costed) : null,
                panel, form, reviewErrors, reviewConflict);
    }
}
