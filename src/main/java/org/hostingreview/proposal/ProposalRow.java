package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.time.Instant;

import org.hostingreview.costmodel.Tier;

/**
 * One line of the proposals list; {@code recommended} is the tier recommended today (from the stored estimate when it
 * is up to date, else costed on the fly).
 */
public record ProposalRow(long id, String title, String feature, String team, ProposalStatus status, Long requestsPerMonth,
        BigDecimal currentMonthlySpendUsd, Instant updatedAt, Tier decidedTier, Tier recommended) {

    ProposalRow withRecommended(Tier tier) {
        return new ProposalRow(id, title, feature, team, status, requestsPerMonth, currentMonthlySpendUsd, updatedAt, decidedTier,
                tier);
    }
}
