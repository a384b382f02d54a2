package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hostingreview.web.Numbers;

/** Step 5 (Q4): who upgrades the model, how often, at what effort. */
@Embeddable
public class UpgradePlanStep implements IntakeAnswers<UpgradePlanStep> {

    /** What the form offers before the step is answered. */
    static final String DEFAULT_CADENCE = "6";
    static final String DEFAULT_EFFORT = "3";

    @Column(name = "upgrade_owner")
    public String upgradeOwner;
    @Column(name = "upgrade_cadence_months")
    public Integer upgradeCadenceMonths;
    @Column(name = "upgrade_effort_engineer_months")
    public BigDecimal upgradeEffortEngineerMonths;

    public UpgradePlanStep() {
    }

    public static UpgradePlanStep of(String owner, Integer cadenceMonths, BigDecimal effortEngineerMonths) {
        UpgradePlanStep s = new UpgradePlanStep();
        s.upgradeOwner = owner;
        s.upgradeCadenceMonths = cadenceMonths;
        s.upgradeEffortEngineerMonths = effortEngineerMonths;
        return s;
    }

    static UpgradePlanStep from(ProposalForms.UpgradePlan f) {
        return of(IntakeAnswers.text(f.upgradeOwner()), Numbers.wholeInt(f.upgradeCadenceMonths()),
                Numbers.decimal(f.upgradeEffortEngineerMonths()));
    }

    ProposalForms.UpgradePlan form(String version) {
        return new ProposalForms.UpgradePlan(ProposalForms.nz(upgradeOwner),
                upgradeCadenceMonths == null ? DEFAULT_CADENCE : Numbers.field(upgradeCadenceMonths),
                upgradeEffortEngineerMonths == null ? DEFAULT_EFFORT : Numbers.field(upgradeEffortEngineerMonths), version);
    }

    @Override
    public UpgradePlanStep copy() {
        return of(upgradeOwner, upgradeCadenceMonths, upgradeEffortEngineerMonths);
    }

    @Override
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("upgradeOwner", upgradeOwner);
        v.put("upgradeCadenceMonths", upgradeCadenceMonths);
        v.put("upgradeEffortEngineerMonths", IntakeAnswers.plain(upgradeEffortEngineerMonths));
        return v;
    }
}
