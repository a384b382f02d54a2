package org.hostingreview.review;

import java.util.List;

import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.RecommendationView;
import org.hostingreview.pricing.WhatIf;
import org.hostingreview.proposal.ProgressItem;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.Step;
import org.hostingreview.proposal.WhatIfChange;
import org.hostingreview.web.FormErrors;

/**
 * Everything the proposal page shows, built by {@link ProposalPages}: the proposal with its eval runs and progress, what
 * its viewer may do, the costing (a what-if's when one is asked), the review panel with its form, and a decided proposal's
 * volume forecast (a {@code revisit.Forecast}, or null).
 */
public record ProposalPageView(Proposal proposal, List<EvalResult> runs, List<EvalResult> counting, List<ProgressItem> progress,
        List<Step> missing, boolean canEdit, boolean canWithdraw, RecommendationView rec, WhatIf whatIf, String whatIfQuery,
        WhatIfChange whatIfChange, ReviewService.Panel review, ReviewForm reviewForm, FormErrors reviewErrors,
        String reviewConflict, Object forecast) {
}
