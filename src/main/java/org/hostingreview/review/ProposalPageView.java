package org.hostingreview.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.RecommendationView;
import org.hostingreview.pricing.WhatIf;
import org.hostingreview.proposal.ProgressItem;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.proposal.Step;
import org.hostingreview.proposal.WhatIfChange;
import org.hostingreview.web.FormErrors;

import io.quarkus.qute.RawString;

/**
 * Everything the proposal page shows, built by {@link ProposalPages}: the proposal with its eval runs and progress, what
 * its viewer may do, the costing's recommendation and the what-if form's inputs (rendered, as {@link ProposalPageCache}
 * keeps them), the review panel with its form, and a decided proposal's volume forecast (a {@code revisit.Forecast}, or
 * null).
 * <p>
 * The what-if form's inputs and the review form's choices come ready to render ({@link AssumptionInput},
 * {@link Choice}): each loop of the template then reads only its own element. Qute resolves a name from an outer scope
 * by asking every one of its ~140 value resolvers at each scope in between, which made those loops most of the page's
 * cost.
 */
public record ProposalPageView(Proposal proposal, List<EvalResult> runs, List<EvalResult> counting, List<ProgressItem> progress,
        List<Step> missing, boolean canEdit, boolean canWithdraw, RawString recommendation, RawString whatIfForm, WhatIf whatIf,
        String whatIfQuery, WhatIfChange whatIfChange, ReviewService.Panel review, ReviewForm reviewForm, FormErrors reviewErrors,
        String reviewConflict, Object forecast, ReviewChoices reviewChoices) {

    /** One group of the what-if form's assumptions; {@code open} when a what-if is shown. */
    public record AssumptionGroupInput(String label, boolean open, List<AssumptionInput> inputs) {
    }

    /**
     * One assumption's input: a yes/no box ({@code flag}, ticked as asked or, when not asked, as filed) or a text field
     * with the value asked ("" when none), the costing's value as its placeholder and its error (null when none); then
     * where the value came from.
     */
    public record AssumptionInput(String key, String label, String unit, boolean flag, boolean checked, String value,
            String placeholder, String error, boolean overridden, String describes, LocalDate checkedOn, boolean stale) {
    }

    /** The review form's verdicts and tiers to choose from. */
    public record ReviewChoices(List<Choice> verdicts, List<Choice> tiers) {
    }

    /** A radio button or an option: its value, its label, whether the form has it chosen, whether it is recommended. */
    public record Choice(String value, String label, boolean selected, boolean recommended) {
    }

    static final String YES_NO = "0 = no, 1 = yes";

    /** The what-if form's inputs for the costing shown ({@code rec}) and the what-if asked. */
    static List<AssumptionGroupInput> whatIfGroups(RecommendationView rec, WhatIf whatIf) {
        boolean open = whatIf.active();
        FormErrors errors = whatIf.errors();
        List<AssumptionGroupInput> groups = new ArrayList<>(rec.assumptions().size());
        for (RecommendationView.AssumptionGroup g : rec.assumptions()) {
            List<AssumptionInput> inputs = new ArrayList<>(g.rows().size());
            for (RecommendationView.AssumptionRow a : g.rows()) {
                String asked = whatIf.value(a.key());
                boolean flag = YES_NO.equals(a.unit());
                inputs.add(new AssumptionInput(a.key(), a.label(), a.unit(), flag,
                        flag && (asked.equals("1") || (asked.isEmpty() && "1".equals(a.value()))), asked, a.value(),
                        flag ? null : errors.get(a.key()), a.overridden(), a.describes(), a.checkedOn(), a.stale()));
            }
            groups.add(new AssumptionGroupInput(g.label(), open, inputs));
        }
        return groups;
    }

    /** The review form's choices: the panel's verdicts (approving a decision that is due reaffirms it) and tiers. */
    static ReviewChoices reviewChoices(Proposal proposal, ReviewService.Panel panel, ReviewForm form) {
        List<Choice> verdicts = new ArrayList<>(panel.verdicts().size());
        for (Verdict v : panel.verdicts()) {
            verdicts.add(new Choice(v.name(), v == Verdict.APPROVE && proposal.status == ProposalStatus.REVIEW_DUE
                    ? "Reaffirm (approve again)" : v.label(), Objects.equals(form.verdict(), v.name()), false));
        }
        List<Choice> tiers = new ArrayList<>(panel.tiers().size());
        for (Tier t : panel.tiers()) {
            tiers.add(new Choice(t.name(), t.label(), Objects.equals(form.chosenTier(), t.name()),
                    Objects.equals(panel.recommendedTier(), t.name())));
        }
        return new ReviewChoices(verdicts, tiers);
    }
}
