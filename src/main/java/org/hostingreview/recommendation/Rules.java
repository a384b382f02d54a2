package org.hostingreview.recommendation;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.CostModel;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.TierCost;
import org.hostingreview.costmodel.ValueSource;

/**
 * Evaluates every rule of the framework against a proposal and its computed costs. Each fired rule carries a
 * one-line reason with the proposal's own numbers. Boundaries follow the framework's wording: "&lt;" and "&gt;"
 * are strict, "at least" and "≥" include the threshold.
 *
 * <p>Decisions where the framework is silent:
 * <ul>
 * <li>S2 compares the frontier-closed cost the workload implies (not the stated spend), so that a check-in at a
 * new volume is judged at that volume.</li>
 * <li>H2 and X4 read the stated current spend (Q1) and fall back to the incumbent tier's computed cost.</li>
 * <li>B1 fires without an eval set or without any candidate score; B2 fires when the proposer's plan has one
 * replica, or when the capacity policy leaves the plan without a spare (fewer than two replicas).</li>
 * <li>W3 treats an unanswered Q2 as no ML-ops engineers. W6 looks at the token and GPU prices only.</li>
 * </ul>
 */
final class Rules {

    private Rules() {
    }

    static List<FiredRule> evaluate(ProposalInputs p, Assumptions a, Map<Tier, TierCost> costs, Score incumbent,
            Score bestCandidate) {
        List<FiredRule> fired = new ArrayList<>();
        Answers ans = p.answers();
        Constraints c = p.constraints();
        TierCost selfHosted = costs.get(Tier.SELF_HOSTED);
        double frontier = costs.get(Tier.FRONTIER_CLOSED).monthlyCost();
        boolean spendStated = ans.currentMonthlySpendUsd() != null;
        double currentSpend = spendStated ? ans.currentMonthlySpendUsd() : costs.get(ans.incumbentTier()).monthlyCost();
        String spendWord = spendStated ? "stated" : "computed";

        if (c.dataResidency()) {
            fired.add(FiredRule.of(RuleId.S1_RESIDENCY, "Regulation prohibits sending this data to a hosted provider."));
        }
        double hyperscale = a.get(Param.HYPERSCALE_SPEND);
        double share = selfHosted.monthlyCost() / frontier;
        if (frontier > hyperscale && share < a.get(Param.HYPERSCALE_SHARE)) {
            fired.add(FiredRule.of(RuleId.S2_HYPERSCALE, () -> String.format(
                    "Frontier-closed spend at this volume is %s/month (> %s) and self-hosted all-in is %s, %.0f%% of it (< %.0f%%).",
                    Text.usd(frontier), Text.usd(hyperscale), Text.usd(selfHosted.monthlyCost()), 100 * share,
                    100 * a.get(Param.HYPERSCALE_SHARE))));
        }
        if (c.customWeights()) {
            fired.add(FiredRule.of(RuleId.S3_CUSTOM_WEIGHTS,
                    "Serves the team's own fine-tuned weights (some hosted-open providers serve custom weights too)."));
        }
        Integer ttft = p.workload().ttftTargetMs();
        if (ttft != null && ttft < a.get(Param.LATENCY_FLOOR)) {
            fired.add(FiredRule.of(RuleId.S4_LATENCY_FLOOR, () -> String.format(
                    "Needs the first token within %d ms (< %s ms): closed APIs can't reliably hit it; a fast hosted-open provider may.",
                    ttft, Text.number(a.get(Param.LATENCY_FLOOR)))));
        }
        if (c.airGapped()) {
            fired.add(FiredRule.of(RuleId.S5_AIR_GAP, "The deployment has no public internet access."));
        }
        if (c.reproducibilityRequired()) {
            fired.add(FiredRule.of(RuleId.S6_REPRODUCIBILITY, "A model that updates silently is unacceptable here."));
        }
        if (ans.mlOpsEngineers() != null && ans.mlOpsEngineers() == 0) {
            fired.add(FiredRule.of(RuleId.H1_NO_MLOPS, "No dedicated ML-ops engineer today."));
        }
        if (currentSpend < a.get(Param.UNDER_THRESHOLD)) {
            fired.add(FiredRule.of(RuleId.H2_UNDER_THRESHOLD, () -> String.format(
                    "Hosted spend is %s/month (%s), under %s: the self-hosting maths probably doesn't work.", Text.usd(currentSpend),
                    spendWord, Text.usd(a.get(Param.UNDER_THRESHOLD)))));
        }
        if (c.broadCapabilities()) {
            fired.add(FiredRule.of(RuleId.H3_BROAD_CAPABILITIES,
                    "Needs multimodal input, tool use, long context or structured output without integration work."));
        }
        if (c.iteratingFast()) {
            fired.add(FiredRule.of(RuleId.H4_ITERATING, "The team is still iterating fast; infrastructure would sit in the critical path."));
        }
        double peak = p.workload().peakToAverage();
        if (peak >= a.get(Param.BURSTY)) {
            fired.add(FiredRule.of(RuleId.H5_BURSTY, () -> String.format(
                    "Peak-to-average is %s (≥ %s): paying per token beats reserving GPUs for the peak.", Text.points(peak),
                    Text.points(a.get(Param.BURSTY)))));
        }
        if (c.aiInfraCompany()) {
            fired.add(FiredRule.of(RuleId.X1_INFRA_COMPANY, "The organisation serves models for a living: self-hosting is the product."));
        }
        if (c.sovereign()) {
            fired.add(FiredRule.of(RuleId.X2_SOVEREIGN, "Sovereign or defense deployment: hosted may not be a legal option."));
        }
        if (c.moatFineTune()) {
            fired.add(FiredRule.of(RuleId.X3_MOAT_FINE_TUNE, "A moat-level fine-tune: owning the deployment is strategic."));
        }
        double savingsShare = currentSpend > 0 ? 1 - selfHosted.monthlyCost() / currentSpend : 0;
        if (currentSpend * 12 >= a.get(Param.EXCEPTION_BILL) && savingsShare >= a.get(Param.EXCEPTION_SAVINGS)) {
            fired.add(FiredRule.of(RuleId.X4_HYPERSCALE_SAVINGS, () -> String.format(
                    "Hosted bill is %s/year (≥ %s) and self-hosting saves %.0f%% of it (≥ %.0f%%).", Text.usd(currentSpend * 12),
                    Text.usd(a.get(Param.EXCEPTION_BILL)), 100 * savingsShare, 100 * a.get(Param.EXCEPTION_SAVINGS))));
        }
        if (!ans.hasEvalSet() || bestCandidate == null) {
            fired.add(FiredRule.of(RuleId.B1_NO_EVAL, !ans.hasEvalSet()
                    ? "No eval set: you can't tell if quality regressed, so self-hosting can't be approved."
                    : "No candidate has an eval score yet: you can't tell if quality regressed."));
        }
        Integer planned = ans.selfHostPlannedReplicas();
        if (planned != null && planned < 2) {
            fired.add(FiredRule.of(RuleId.B2_SINGLE_GPU, () -> String.format(
                    "Your own self-hosting plan has %d replica and no failover: a demo, not a production service.", planned)));
        } else if (!selfHosted.capacity().redundant()) {
            fired.add(FiredRule.of(RuleId.B2_SINGLE_GPU, () -> String.format(
                    "The capacity policy gives %s with %d spare: no failover.", Text.count(selfHosted.capacity().replicas(), "replica"),
                    selfHosted.capacity().spareReplicas())));
        }
        if (incumbent != null && bestCandidate != null && incumbent.score() > 0 && bestCandidate.comparableWith(incumbent)) {
            // same scale (comparable), so the raw scores give the relative drop exactly
            double drop = (incumbent.score() - bestCandidate.score()) / incumbent.score();
            // each open tier is judged on its own model: today's tier keeps the model it runs today
            java.util.Set<Tier> blocked = java.util.EnumSet.noneOf(Tier.class);
            for (Tier tier : RuleId.B3_QUALITY_DROP.blocks()) {
                if (tier != ans.incumbentTier()) {
                    blocked.add(tier);
                }
            }
            if (drop >= a.get(Param.QUALITY_DROP) && !blocked.isEmpty()) {
                fired.add(FiredRule.blocking(RuleId.B3_QUALITY_DROP, blocked, () -> String.format(
                        "%s scores %s against %s's %s: %.0f%% below (≥ %.0f%%), so the savings disappear on %s.",
                        bestCandidate.model(), bestCandidate.formatted(), incumbent.model(), incumbent.formatted(),
                        100 * drop, 100 * a.get(Param.QUALITY_DROP),
                        String.join(" and ", blocked.stream().map(Tier::label).toList()))));
            }
        }
        // W1 is advice to measure on hosted-open before building: it needs hosted-open to be allowed, and a feature
        // that runs on hosted-open (or already self-hosts) has nothing left to measure first
        // that runs on hosted-open (or already self-hosts) has nothing left to measure first; nor is it advice when
        // hosted-open is ruled out here (B3 on its model) or costs more than the tier the feature runs on today
        boolean hostedAllowed = !c.dataResidency() && !c.airGapped() && !c.sovereign();
        boolean openViable = fired.stream().noneMatch(rule -> rule.blocks().contains(Tier.HOSTED_OPEN))
                && costs.get(Tier.HOSTED_OPEN).monthlyCost() <= costs.get(ans.incumbentTier()).monthlyCost();
        Double months = ans.hostedOpenMonthsRun();
        double required = a.get(Param.MEASURED_MONTHS);
        if (hostedAllowed && openViable && ans.incumbentTier() == Tier.FRONTIER_CLOSED && (months == null || months < required)) {
            fired.add(FiredRule.of(RuleId.W1_NOT_MEASURED, () -> months == null
                    ? String.format("Q3 is not answered, so nothing shows this workload has run on hosted-open (%s months "
                            + "required): run it through hosted-open for a quarter first.", Text.number(required))
                    : String.format("Hosted-open has run %s (< %s months): run the workload through hosted-open for a quarter first.",
                            Text.months(months), Text.number(required))));
        }
        if (ans.upgradeOwner() == null || ans.upgradeOwner().isBlank()) {
            fired.add(FiredRule.of(RuleId.W2_NO_UPGRADE_OWNER,
                    "Nobody is named to re-tune, re-evaluate and re-deploy when a new open model lands every 3–6 months."));
        }
        int existing = ans.mlOpsEngineers() == null ? 0 : ans.mlOpsEngineers();
        // the engineers this fleet needs: the policy minimum, the 24×7 on-call minimum, the fleet's size
        double ftes = CostModel.requiredFtes(a, selfHosted.capacity().gpus());
        long hires = hires(ftes, existing);
        if (hires > 0) {
            fired.add(FiredRule.of(RuleId.W3_HIRING_REQUIRED, () -> String.format(
                    "Self-hosting needs %s ML-ops engineers and the team has %d: hire %d at %s+ each all-in (%s/month).",
                    Text.number(Math.round(ftes * 10) / 10.0), existing, hires, Text.usd(a.get(Param.ENGINEER_USD_PER_YEAR)),
                    Text.usd(hires * a.engineerMonthUsd()))));
        }
        double gpus = selfHosted.lineItem(CostModel.GPUS);
        Double estimate = ans.selfHostEstimateUsd();
        if (estimate != null && estimate <= a.get(Param.GPU_ONLY_FACTOR) * gpus) {
            fired.add(FiredRule.of(RuleId.W4_GPU_ONLY_ESTIMATE, () -> String.format(
                    "Your estimate of %s/month is %s GPU rental alone (%s): it compares GPU rental to per-token API cost "
                            + "and leaves out staff, upgrades and tooling (all-in %s).", Text.usd(estimate),
                    estimate <= gpus ? "at or below" : "close to (within " + Text.number(a.get(Param.GPU_ONLY_FACTOR)) + "× of)",
                    Text.usd(gpus), Text.usd(selfHosted.monthlyCost()))));
        }
        if (incumbent != null && bestCandidate != null && bestCandidate.comparableWith(incumbent)
                && bestCandidate.score() < incumbent.score()) {
            double gap = incumbent.score() - bestCandidate.score();
            fired.add(FiredRule.of(RuleId.W5_QUALITY_GAP, () -> String.format("%s scores %s against %s's %s: %s short.",
                    bestCandidate.model(), bestCandidate.formatted(), incumbent.model(), incumbent.formatted(),
                    incumbent.scaleMax() == 1 ? incumbent.format(gap) + " on the 0–1 scale"
                            : Text.points(gap) + (gap == 1 ? " point" : " points"))));
        }
        List<String> stale = stalePrices(a);
        if (!stale.isEmpty()) {
            fired.add(FiredRule.of(RuleId.W6_STALE_PRICES, () -> String.format("Older than %s days on %s: %s.",
                    Text.number(a.get(Param.STALE_DAYS)), a.asOf(), String.join("; ", stale))));
        }
        return fired;
    }

    /** Whole people to hire for a need in FTEs (a fleet can need 2.3): none when the team already has enough. */
    static long hires(double requiredFtes, int existing) {
        return Math.max(0, (long) Math.ceil(requiredFtes - existing - 1e-9));
    }

    private static boolean isStalePrice(Assumptions a, Param param) {
        if (param.group() != Param.Group.PRICE && param != Param.GPU_USD_PER_HOUR) {
            return false;
        }
        return a.stale(param);
    }

    /** Stale catalog rows among the prices used, one entry per row (a model's three prices share a row). */
    private static List<String> stalePrices(Assumptions a) {
        Map<String, List<String>> paramsByRow = new LinkedHashMap<>();
        Map<String, ValueSource> rows = new LinkedHashMap<>();
        for (Param param : Param.values()) {
            ValueSource source = a.source(param);
            if (isStalePrice(a, param)) {
                paramsByRow.computeIfAbsent(source.catalogRef(), id -> new ArrayList<>()).add(param.key());
                rows.put(source.catalogRef(), source);
            }
        }
        List<String> stale = new ArrayList<>();
        rows.forEach((id, source) -> stale.add(String.format("%s (%s) checked %s, %d days ago", source.describes(),
                String.join(", ", paramsByRow.get(id)), source.checkedOn(), ChronoUnit.DAYS.between(source.checkedOn(), a.asOf()))));
        return stale;
    }
}
