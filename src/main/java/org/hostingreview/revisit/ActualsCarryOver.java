package org.hostingreview.revisit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.Superseded;
import org.hostingreview.review.ReviewService;

/**
 * A proposal that supersedes a decision starts from what the feature actually does: the volume, tokens and spend
 * (scaled to a month) of the check-in that re-opened the decision (not the latest period, which a back-filled check-in
 * would make wrong) replace the figures the old decision was filed with.
 */
@ApplicationScoped
public class ActualsCarryOver {

    @Inject
    CheckinObservations observations;

    @Inject
    ReviewService reviews;

    void onSuperseded(@Observes Superseded event) {
        Checkin latest = observations.reopeningCheckin(event.original().id, reviews.decision(event.original().id));
        if (latest == null) {
            List<Checkin> checkins = Checkin.ofProposal(event.original().id);
            if (checkins.isEmpty()) {
                return;
            }
            latest = checkins.get(0);
        }
        Actuals actuals = new Actuals(latest.periodStart, latest.periodEnd, latest.requests, latest.inputTokensPerRequest,
                latest.outputTokensPerRequest, latest.spendUsd, latest.spendTier, latest.observedQuality, latest.incidents,
                latest.notes);
        event.replacement().observed(actuals.requestsPerMonth(), latest.inputTokensPerRequest, latest.outputTokensPerRequest,
                BigDecimal.valueOf(actuals.spendPerMonth()).setScale(2, RoundingMode.HALF_UP), latest.spendTier);
    }
}
