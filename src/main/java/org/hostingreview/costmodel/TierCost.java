package org.hostingreview.costmodel;

import java.util.List;

/**
 * One tier's cost for a workload: the monthly run-rate and its line items, the up-front cost of getting
 * there from the incumbent tier and its items, and for the self-hosted tier the replica plan.
 */
public record TierCost(Tier tier, double monthlyCost, List<LineItem> lineItems, double upfrontCost, List<LineItem> upfrontItems,
        SelfHostedCapacity capacity) {

    public double lineItem(String name) {
        return lineItems.stream().filter(item -> item.name().equals(name)).mapToDouble(LineItem::monthlyCost).sum();
    }
}
