package org.hostingreview.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hostingreview.proposal.Superseded;

/** A proposal that supersedes a decision starts with that decision's eval runs: the evidence it was approved on. */
@ApplicationScoped
public class CarryOverRuns {

    void onSuperseded(@Observes Superseded event) {
        for (EvalResult run : EvalResult.ofProposal(event.original().id)) {
            EvalResult copy = new EvalResult();
            copy.proposal = event.replacement();
            copy.model = run.model;
            copy.role = run.role;
            copy.tier = run.tier;
            copy.evalSet = run.evalSet;
            copy.sampleSize = run.sampleSize;
            copy.scoreKind = run.scoreKind;
            copy.score = run.score;
            copy.runDate = run.runDate;
            copy.notes = run.notes;
            copy.enteredBy = run.enteredBy;
            copy.enteredAt = run.enteredAt;
            copy.persist();
        }
    }
}
