package org.hostingreview.proposal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hostingreview.web.Numbers;

/** Step 6 (Q5): the eval set the incumbent and candidates are scored on (the runs are {@code EvalResult}s). */
@Embeddable
public class QualityStep implements IntakeAnswers<QualityStep> {

    @Column(name = "no_eval_yet")
    public Boolean noEvalYet;
    @Column(name = "eval_set_name")
    public String evalSetName;
    @Column(name = "eval_set_size")
    public Integer evalSetSize;
    @Column(name = "pass_criterion")
    public String passCriterion;

    public QualityStep() {
    }

    public static QualityStep noEval() {
        QualityStep s = new QualityStep();
        s.noEvalYet = true;
        return s;
    }

    public static QualityStep evalSet(String name, Integer size, String passCriterion) {
        QualityStep s = new QualityStep();
        s.noEvalYet = false;
        s.evalSetName = name;
        s.evalSetSize = size;
        s.passCriterion = passCriterion;
        return s;
    }

    static QualityStep from(ProposalForms.Quality f) {
        boolean none = ProposalForms.checked(f.noEvalYet());
        QualityStep s = none ? noEval() : evalSet(IntakeAnswers.text(f.evalSetName()), Numbers.wholeInt(f.evalSetSize()), null);
        s.passCriterion = IntakeAnswers.text(f.passCriterion());
        return s;
    }

    ProposalForms.Quality form(String version) {
        return new ProposalForms.Quality(ProposalForms.checkbox(Boolean.TRUE.equals(noEvalYet)), ProposalForms.nz(evalSetName),
                Numbers.field(evalSetSize), ProposalForms.nz(passCriterion), version);
    }

    @Override
    public QualityStep copy() {
        QualityStep s = evalSet(evalSetName, evalSetSize, passCriterion);
        s.noEvalYet = noEvalYet;
        return s;
    }

    @Override
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("noEvalYet", noEvalYet);
        v.put("evalSetName", evalSetName);
        v.put("evalSetSize", evalSetSize);
        v.put("passCriterion", passCriterion);
        return v;
    }

    /** The eval set the engine reads (null: no eval yet). */
    String evalSetForEngine() {
        return Boolean.TRUE.equals(noEvalYet) ? null : evalSetName;
    }
}
