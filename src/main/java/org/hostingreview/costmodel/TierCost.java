package org.hostingreview.costmodel;

import java.util.List;

/**
 * One tier's cost for a workload: the monthly run-rate and its line items, the up-front cost of getting
 * there from the incumbent tier and its items, for the self-hosted tier the replica plan, and what payback counts
 * besides the up-front: the months until the tier serves production traffic (no savings before) and the cost of
 * running it beside the incumbent during the cut-over.
 */
public record TierCost(Tier tier, double monthlyCost, List<LineItem> lineItems, double upfrontCost, List<LineItem> upfrontItems,
        SelfHostedCapacity capacity, double monthsToTraffic, double doubleRunningCost) {

    public TierCost(Tier tier, double monthlyCost, List<LineItem> lineItems, double upfrontCost, List<LineItem> upfrontItems,
            SelfHostedCapacity capacity) {
        this(tier, monthlyCost, lineItems, upfrontCost, upfrontItems, capacity, 0, 0);
    }

    public double lineItem(String name) {
        return lineItems.stream().filter(item -> item.name().equals(name)).mapToDouble(LineItem::monthlyCost).sum();
    }

    /**
     * Months from the decision until the move has paid for itself at {@code monthlySavings}: the months to first
     * production traffic, then the up-front and the double-running cost recovered from the savings. Null without savings.
     */
    public Double paybackMonths(double monthlySavings) {
        if (monthlySavings <= 0) {
            return null;
        }
        return monthsToTraffic + (upfrontCost + doubleRunningCost) / monthlySavings;
    }
}
