package org.hostingreview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hostingreview.account.UserAccount;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.Proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One reviewer's verdict on one round of a proposal, with a frozen snapshot of everything they saw (inputs,
 * eval results, catalog values, costs, rules, recommendation). Never changed.
 */
@Entity
@Immutable
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    public Proposal proposal;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reviewer_id")
    public UserAccount reviewer;

    @Column(nullable = false)
    public int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    @Enumerated(EnumType.STRING)
    @Column(name = "chosen_tier")
    public Tier chosenTier;

    @Enumerated(EnumType.STRING)
    @Column(name = "recommended_tier", nullable = false)
    public Tier recommendedTier;

    @Column(nullable = false)
    public String rationale;

    public String justification;

    public String conditions;

    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    @Column(name = "submission_token", nullable = false)
    public String submissionToken;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public DecisionSnapshot snapshot;

    /** True for the approval that completed a round (four eyes satisfied where required): a decision in force. */
    @Column(name = "completes_decision", nullable = false)
    public boolean completesDecision;

    /** Made in the first sign-in after an admin reset the reviewer's password: the reviewer may not be who the account says. */
    @Column(name = "after_admin_reset", nullable = false)
    public boolean afterAdminReset;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A proposal's reviews, oldest first, with their reviewers. */
    public static List<Review> ofProposal(long proposalId) {
        return list("from Review r join fetch r.reviewer where r.proposal.id = ?1 order by r.id", proposalId);
    }
}
