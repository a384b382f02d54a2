package org.hostingreview.proposal;

import java.util.ArrayList;
import java.util.List;

import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.pricing.Costing;
import org.hostingreview.recommendation.Recommendation;

/**
 * A what-if against the proposal's own figures: each tier's monthly cost before → after, and the recommendation
 * before → after, so the page says what the change changed.
 */
public record WhatIfChange(String filedRecommendation, String whatIfRecommendation, boolean recommendationChanged,
        List<TierChange> tiers) {

    /** One tier's monthly cost as filed and under the what-if. */
    public record TierChange(String tier, String filed, String whatIf, String change) {
    }

    public static WhatIfChange of(Costing filed, Costing whatIf) {
        Recommendation before = filed.recommendation();
        Recommendation after = whatIf.recommendation();
        List<TierChange> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            double a = before.tier(tier).monthlyCost();
            double b = after.tier(tier).monthlyCost();
            String change = a == b ? "no change"
                    : (b > a ? "+" : "") + Text.usd(b - a) + (a > 0 ? String.format(" (%+.0f%%)", (b - a) / a * 100) : "");
            tiers.add(new TierChange(tier.label(), Text.usd(a), Text.usd(b), change));
        }
        return new WhatIfChange(before.recommended().label(), after.recommended().label(),
                before.recommended() != after.recommended(), tiers);
    }
}
