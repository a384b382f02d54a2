package org.hostingreview.revisit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.review.Observed;
import org.hostingreview.review.Review;
import org.hostingreview.review.ReviewService;

/**
 * The check-in a re-opened decision is compared with and settled on: the one that re-opened it, recorded since the
 * decision in force (not the latest period, which a back-filled check-in would make wrong); else, for a decision due
 * by its date, the latest period reported since the decision.
 */
@ApplicationScoped
public class CheckinObservations implements Observed.Source {

    @Inject
    ReviewService reviews;

    @Override
    @Transactional(TxType.SUPPORTS)
    public Observed reopening(long proposalId) {
        Checkin c = reopeningCheckin(proposalId, reviews.decision(proposalId));
        return c == null ? null : observed(c);
    }

    /** The check-in that re-opened the decision in force, else the latest period reported since it, else null. */
    @Transactional(TxType.SUPPORTS)
    public Checkin reopeningCheckin(long proposalId, Review decision) {
        if (decision == null) {
            return null;
        }
        Checkin reopening = Checkin.<Checkin>find("proposal.id = ?1 and reopened = true and createdAt >= ?2 order by id desc",
                proposalId, decision.createdAt).firstResult();
        if (reopening != null) {
            return reopening;
        }
        return Checkin.<Checkin>find("proposal.id = ?1 and createdAt >= ?2 order by periodEnd desc, id desc", proposalId,
                decision.createdAt).firstResult();
    }

    static Observed observed(Checkin c) {
        return new Observed(c.id, c.periodStart, c.periodEnd, c.periodLabel(), c.requestsPerMonth(), c.inputTokensPerRequest,
                c.outputTokensPerRequest, c.spendPerMonth(), c.spendTier);
    }
}
