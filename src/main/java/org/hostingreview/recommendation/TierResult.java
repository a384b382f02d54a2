package org.hostingreview.recommendation;

import java.util.List;

import org.hostingreview.costmodel.TierCost;
import org.hostingreview.costmodel.Tier;

/**
 * One tier as the recommendation sees it: its costs, savings against the incumbent's tier, payback of the
 * up-front cost, cost per accepted result (when an eval score applies to it), and the blockers removing it.
 *
 * @param savingsVsIncumbent   incumbent's monthly cost minus this tier's (negative: costs more)
 * @param paybackMonths        up-front cost ÷ monthly savings; null when there is nothing to pay back or no savings
 * @param evalScore            the score that applies to this tier (incumbent's for its own tier, best candidate's for open tiers)
 * @param costPerAcceptedResult monthly cost ÷ (requests × pass rate); null without an applicable score
 */
public record TierResult(Tier tier, TierCost cost, double savingsVsIncumbent, Double paybackMonths, Double evalScore,
        Double costPerAcceptedResult, List<RuleId> blockedBy) {

    public double monthlyCost() {
        return cost.monthlyCost();
    }

    public double upfrontCost() {
        return cost.upfrontCost();
    }

    public boolean blocked() {
        return !blockedBy.isEmpty();
    }
}
