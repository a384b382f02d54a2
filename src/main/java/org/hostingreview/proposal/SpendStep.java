package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hostingreview.web.Numbers;

/** Step 2 (Q1): the feature's hosted spend today. */
@Embeddable
public class SpendStep implements IntakeAnswers<SpendStep> {

    @Column(name = "current_monthly_spend_usd")
    public BigDecimal currentMonthlySpendUsd;

    public SpendStep() {
    }

    public static SpendStep of(BigDecimal monthlyUsd) {
        SpendStep s = new SpendStep();
        s.currentMonthlySpendUsd = monthlyUsd;
        return s;
    }

    static SpendStep from(ProposalForms.Spend f) {
        return of(Numbers.decimal(f.currentMonthlySpendUsd()));
    }

    ProposalForms.Spend form(String version) {
        return new ProposalForms.Spend(Numbers.field(currentMonthlySpendUsd), version);
    }

    @Override
    public SpendStep copy() {
        return of(currentMonthlySpendUsd);
    }

    @Override
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("currentMonthlySpendUsd", IntakeAnswers.plain(currentMonthlySpendUsd));
        return v;
    }
}
