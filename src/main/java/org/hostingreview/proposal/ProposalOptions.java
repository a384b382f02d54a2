package org.hostingreview.proposal;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalRole;
import org.hostingreview.evaluation.ScoreKind;

/** The fixed choices of the intake forms, for templates ({@code inject:options}). */
@ApplicationScoped
@Named("options")
public class ProposalOptions {

    public List<Tier> getTiers() {
        return List.of(Tier.values());
    }

    public List<TaskShape> getTaskShapes() {
        return List.of(TaskShape.values());
    }

    public List<EvalRole> getEvalRoles() {
        return List.of(EvalRole.values());
    }

    public List<ScoreKind> getScoreKinds() {
        return List.of(ScoreKind.values());
    }
}
