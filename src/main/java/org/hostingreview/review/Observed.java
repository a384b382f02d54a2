package org.hostingreview.review;

import java.time.LocalDate;

import org.hostingreview.costmodel.Tier;

/**
 * A check-in's actuals scaled to a month, as review needs them to settle a re-opened decision at what the feature
 * really did: the period, volume, tokens per request and spend on the tier it was on.
 */
public record Observed(long checkinId, LocalDate periodStart, LocalDate periodEnd, String periodLabel, long requestsPerMonth,
        int inputTokensPerRequest, int outputTokensPerRequest, double spendPerMonth, Tier spendTier) {

    /** Where review finds the check-in that re-opened a decision (revisit provides it). */
    public interface Source {

        /** The check-in a re-review of this proposal decides on, or null when it decides on the filed figures. */
        Observed reopening(long proposalId);
    }
}
