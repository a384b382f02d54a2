package org.hostingreview.recommendation;

import org.hostingreview.costmodel.Tier;

/**
 * The answers to the framework's five questions that the rules read. Any may be null (not answered).
 *
 * @param currentMonthlySpendUsd Q1: what the feature costs today
 * @param mlOpsEngineers         Q2: dedicated ML-ops engineers today
 * @param hiresPlanned           Q2: whether hires are planned
 * @param hostedOpenMonthsRun    Q3: months the workload ran on a hosted-open provider
 * @param upgradeOwner           Q4: who owns the upgrade cycle (blank: nobody)
 * @param evalSet                Q5: the eval set's name (blank: no eval)
 * @param selfHostEstimateUsd    the proposer's own self-hosting estimate per month
 * @param currentTier            the tier the feature runs on today (the incumbent's tier)
 * @param selfHostPlannedReplicas replicas in the proposer's own self-hosting plan
 */
public record Answers(Double currentMonthlySpendUsd, Integer mlOpsEngineers, Boolean hiresPlanned, Double hostedOpenMonthsRun,
        String upgradeOwner, String evalSet, Double selfHostEstimateUsd, Tier currentTier, Integer selfHostPlannedReplicas) {

    public Tier incumbentTier() {
        return currentTier == null ? Tier.FRONTIER_CLOSED : currentTier;
    }

    public boolean hasEvalSet() {
        return evalSet != null && !evalSet.isBlank();
    }
}
