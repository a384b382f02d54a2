package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.time.Instant;

import org.hostingreview.costmodel.Tier;

/** One line of the proposals list. */
public record ProposalRow(long id, String title, String feature, String team, ProposalStatus status, Long requestsPerMonth,
        BigDecimal currentMonthlySpendUsd, Instant updatedAt, Tier decidedTier) {
}
