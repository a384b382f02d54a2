package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hostingreview.web.Numbers;

/** Step 4 (Q3): whether the workload ran on a hosted-open provider first, and how that went. */
@Embeddable
public class HostedOpenStep implements IntakeAnswers<HostedOpenStep> {

    @Column(name = "hosted_open_tried")
    public Boolean hostedOpenTried;
    @Column(name = "hosted_open_provider")
    public String hostedOpenProvider;
    @Column(name = "hosted_open_model")
    public String hostedOpenModel;
    @Column(name = "hosted_open_months_run")
    public BigDecimal hostedOpenMonthsRun;
    @Column(name = "hosted_open_monthly_cost_usd")
    public BigDecimal hostedOpenMonthlyCostUsd;
    @Column(name = "hosted_open_quality")
    public BigDecimal hostedOpenQuality;

    public HostedOpenStep() {
    }

    public static HostedOpenStep notTried() {
        HostedOpenStep s = new HostedOpenStep();
        s.hostedOpenTried = false;
        return s;
    }

    public static HostedOpenStep tried(String provider, String model, BigDecimal monthsRun, BigDecimal monthlyCostUsd,
            BigDecimal quality) {
        HostedOpenStep s = new HostedOpenStep();
        s.hostedOpenTried = true;
        s.hostedOpenProvider = provider;
        s.hostedOpenModel = model;
        s.hostedOpenMonthsRun = monthsRun;
        s.hostedOpenMonthlyCostUsd = monthlyCostUsd;
        s.hostedOpenQuality = quality;
        return s;
    }

    /** What was tried is kept only when it was tried. */
    static HostedOpenStep from(ProposalForms.HostedOpenTried f) {
        if (!"yes".equals(f.hostedOpenTried())) {
            return notTried();
        }
        return tried(f.hostedOpenProvider().strip(), f.hostedOpenModel().strip(), Numbers.decimal(f.hostedOpenMonthsRun()),
                Numbers.decimal(f.hostedOpenMonthlyCostUsd()), Numbers.decimal(f.hostedOpenQuality()));
    }

    ProposalForms.HostedOpenTried form(String version) {
        return new ProposalForms.HostedOpenTried(ProposalForms.yesNo(hostedOpenTried), ProposalForms.nz(hostedOpenProvider),
                ProposalForms.nz(hostedOpenModel), Numbers.field(hostedOpenMonthsRun), Numbers.field(hostedOpenMonthlyCostUsd),
                Numbers.field(hostedOpenQuality), version);
    }

    @Override
    public HostedOpenStep copy() {
        HostedOpenStep s = tried(hostedOpenProvider, hostedOpenModel, hostedOpenMonthsRun, hostedOpenMonthlyCostUsd,
                hostedOpenQuality);
        s.hostedOpenTried = hostedOpenTried;
        return s;
    }

    @Override
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("hostedOpenTried", hostedOpenTried);
        v.put("hostedOpenProvider", hostedOpenProvider);
        v.put("hostedOpenModel", hostedOpenModel);
        v.put("hostedOpenMonthsRun", IntakeAnswers.plain(hostedOpenMonthsRun));
        v.put("hostedOpenMonthlyCostUsd", IntakeAnswers.plain(hostedOpenMonthlyCostUsd));
        v.put("hostedOpenQuality", IntakeAnswers.plain(hostedOpenQuality));
        return v;
    }

    /** Q3 as the engine reads it: months on hosted-open, 0 when not tried, null when not answered (or not known). */
    Double monthsRun() {
        if (hostedOpenTried == null) {
            return null;
        }
        return !hostedOpenTried ? Double.valueOf(0) : hostedOpenMonthsRun == null ? null : hostedOpenMonthsRun.doubleValue();
    }
}
