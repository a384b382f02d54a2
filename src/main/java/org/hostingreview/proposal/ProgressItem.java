package org.hostingreview.proposal;

import java.util.ArrayList;
import java.util.List;

/** One entry of the intake's progress indicator. */
public record ProgressItem(int number, String title, boolean done, boolean current, String href) {

    /** The eight steps of a proposal (or of a new one, when {@code proposal} is null), marking {@code current}. */
    public static List<ProgressItem> of(Proposal proposal, Step current) {
        List<ProgressItem> items = new ArrayList<>();
        for (Step step : Step.values()) {
            boolean done = proposal != null && (step == Step.SUBMIT ? proposal.status != ProposalStatus.DRAFT
                    && proposal.status != ProposalStatus.CHANGES_REQUESTED : proposal.isSaved(step));
            String href = proposal == null ? (step == Step.FEATURE_AND_WORKLOAD ? "/proposals/new" : null)
                    : "/proposals/" + proposal.id + "/steps/" + step.number();
            items.add(new ProgressItem(step.number(), step.title(), done, step == current, href));
        }
        return items;
    }
}
