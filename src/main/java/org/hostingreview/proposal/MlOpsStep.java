package org.hostingreview.proposal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hostingreview.web.Numbers;

/** Step 3 (Q2): the team's ML-ops capacity. */
@Embeddable
public class MlOpsStep implements IntakeAnswers<MlOpsStep> {

    @Column(name = "mlops_engineers")
    public Integer mlOpsEngineers;
    @Column(name = "hires_planned")
    public Boolean hiresPlanned;

    public MlOpsStep() {
    }

    public static MlOpsStep of(Integer engineers, Boolean hiresPlanned) {
        MlOpsStep s = new MlOpsStep();
        s.mlOpsEngineers = engineers;
        s.hiresPlanned = hiresPlanned;
        return s;
    }

    static MlOpsStep from(ProposalForms.MlOps f) {
        return of(Numbers.wholeInt(f.mlOpsEngineers()), "yes".equals(f.hiresPlanned()));
    }

    ProposalForms.MlOps form(String version) {
        return new ProposalForms.MlOps(Numbers.field(mlOpsEngineers), ProposalForms.yesNo(hiresPlanned), version);
    }

    @Override
    public MlOpsStep copy() {
        return of(mlOpsEngineers, hiresPlanned);
    }

    @Override
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("mlOpsEngineers", mlOpsEngineers);
        v.put("hiresPlanned", hiresPlanned);
        return v;
    }
}
