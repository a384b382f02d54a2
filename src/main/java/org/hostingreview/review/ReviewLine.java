package org.hostingreview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hostingreview.account.UserAccount;
import org.hostingreview.costmodel.Tier;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * One review as a proposal page's history lists it: a {@link Review} without its frozen snapshot, which is 25-30 KB of JSON
 * a review and which the history never shows.
 */
public record ReviewLine(long id, int round, Verdict verdict, Tier chosenTier, UserAccount reviewer, String rationale,
        String justification, String conditions, LocalDate nextReviewOn, boolean completesDecision, boolean afterAdminReset,
        Instant createdAt) {

    /** A proposal's reviews, oldest first, with their reviewers: one statement. */
    public static List<ReviewLine> ofProposal(long proposalId) {
        return Panache.getEntityManager().createQuery("select new org.hostingreview.review.ReviewLine(r.id, r.round, r.verdict, "
                + "r.chosenTier, u, r.rationale, r.justification, r.conditions, r.nextReviewOn, r.completesDecision, "
                + "r.afterAdminReset, r.createdAt) from Review r join r.reviewer u where r.proposal.id = ?1 order by r.id",
                ReviewLine.class).setParameter(1, proposalId).getResultList();
    }
}
