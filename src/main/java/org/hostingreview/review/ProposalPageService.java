package org.hostingreview.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.evaluation.EvaluationService;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.pricing.RecommendationView;
import org.hostingreview.pricing.WhatIf;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.ProgressItem;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.Step;
import org.hostingreview.proposal.WhatIfChange;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.SignedInUser;

/**
 * What the proposal page shows, read in one transaction (one connection): the proposal, its eval runs (once), its
 * costing on the catalog of its day (loaded once, see {@code CatalogCosting}), the what-if, and the review panel.
 */
@ApplicationScoped
public class ProposalPageService {

    @Inject
    ProposalService proposals;

    @Inject
    EvaluationService evaluations;

    @Inject
    CostingService costing;

    @Inject
    ReviewService reviews;

    /** Everything the page's template is given. */
    public record Page(Proposal proposal, List<EvalResult> runs, List<EvalResult> counting, List<ProgressItem> progress,
            List<Step> missing, boolean canEdit, boolean canWithdraw, RecommendationView rec, WhatIf whatIf, String whatIfQuery,
            WhatIfChange whatIfChange, ReviewService.Panel review, ReviewForm reviewForm, FormErrors reviewErrors,
            String reviewConflict) {
    }

    /**
     * The page rendered within the same transaction as its reads: the template asks for the proposal's forecast (the
     * revisit layer's, by name), which reads too, and would otherwise borrow a connection per statement.
     */
    @Transactional
    public String rendered(long id, SignedInUser me, WhatIf whatIf, String query, ReviewForm reviewForm, FormErrors reviewErrors,
            String reviewConflict, java.util.function.Function<Page, io.quarkus.qute.TemplateInstance> template) {
        return template.apply(page(id, me, whatIf, query, reviewForm, reviewErrors, reviewConflict)).render();
    }

    @Transactional
    public Page page(long id, SignedInUser me, WhatIf whatIf, String query, ReviewForm reviewForm, FormErrors reviewErrors,
            String reviewConflict) {
        Proposal proposal = proposals.visible(id, me);
        List<EvalResult> runs = evaluations.runs(proposal.id);
        LocalDate asOf = whatIf.asOf() != null ? whatIf.asOf() : costing.asOf(proposal);
        double multiple = whatIf.requests() != null && proposal.workload.requestsPerMonth != null && proposal.workload.requestsPerMonth > 0
                ? whatIf.requests() / (double) proposal.workload.requestsPerMonth : 1;
        CatalogSnapshot catalog = costing.snapshot(asOf);
        Costing costed = costing.cost(proposal, runs, catalog, multiple, whatIf.overrides());
        LocalDate today = costing.today();
        ReviewService.Panel panel = reviews.panel(proposal, me, costed, runs,
                () -> asOf.equals(today) ? catalog : costing.snapshot(today));
        // a re-review decides on the observed workload: without a what-if, the recommendation shows what is decided on
        boolean whatIfAsked = multiple != 1 || !whatIf.overrides().isEmpty() || whatIf.asOf() != null;
        Costing shown = panel.observed() != null && !whatIfAsked ? panel.decidedOn() : costed;
        ReviewForm form = reviewForm != null ? reviewForm : new ReviewForm("", panel.approvedTier() != null
                ? panel.approvedTier().name() : panel.recommendedTier(), "", "", "", panel.defaultNextReview().toString(),
                String.valueOf(proposal.version), UUID.randomUUID().toString());
        WhatIfChange change = null;
        if (whatIfAsked && whatIf.errors().isEmpty()) {
            LocalDate filedAsOf = costing.asOf(proposal);
            change = WhatIfChange.of(costing.cost(proposal, runs, filedAsOf.equals(asOf) ? catalog : costing.snapshot(filedAsOf)),
                    costed);
        }
        return new Page(proposal, runs, EvalResult.latestPerModel(runs), ProgressItem.of(proposal, null),
                ProposalService.missingSteps(proposal), ProposalService.canEdit(me, proposal),
                ProposalService.isTeamProposer(me, proposal) && proposal.status.withdrawable(), RecommendationView.of(shown,
                        proposal.hostedOpen.hostedOpenMonthlyCostUsd == null ? null : proposal.hostedOpen.hostedOpenMonthlyCostUsd.doubleValue()),
                whatIf, query, change, panel, form, reviewErrors, reviewConflict);
    }
}
