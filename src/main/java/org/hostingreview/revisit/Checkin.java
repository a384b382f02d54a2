package org.hostingreview.revisit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hostingreview.account.UserAccount;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ReopenReason;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The actuals of a decided feature over a period, and what they did to its decision. */
@Entity
@Table(name = "checkin")
public class Checkin extends PanacheEntityBase {

    /** Where a check-in came from. */
    public enum Source {
        FORM("form"), API("API"), CSV("CSV import");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    public Proposal proposal;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(nullable = false)
    public long requests;

    @Column(name = "input_tokens_per_request", nullable = false)
    public int inputTokensPerRequest;

    @Column(name = "output_tokens_per_request", nullable = false)
    public int outputTokensPerRequest;

    @Column(name = "spend_usd", nullable = false)
    public BigDecimal spendUsd;

    @Enumerated(EnumType.STRING)
    @Column(name = "spend_tier", nullable = false)
    public Tier spendTier;

    @Column(name = "observed_quality")
    public BigDecimal observedQuality;

    public Integer incidents;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(nullable = false)
    public boolean reopened;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ReopenReason> reasons = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "recommended_tier", nullable = false)
    public Tier recommendedTier;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entered_by")
    public UserAccount enteredBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The API's {@code Idempotency-Key}: a repeated request with the same key returns this check-in again. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The period's requests scaled to a month. */
    public long requestsPerMonth() {
        return actuals().requestsPerMonth();
    }

    /** The period's spend scaled to a month. */
    public double spendPerMonth() {
        return actuals().spendPerMonth();
    }

    /** The period as people say it: "October 2026" for a calendar month, else "2026-10-03 to 2026-10-30". */
    public String periodLabel() {
        return Actuals.label(periodStart, periodEnd);
    }

    public Actuals actuals() {
        return new Actuals(periodStart, periodEnd, requests, inputTokensPerRequest, outputTokensPerRequest, spendUsd, spendTier,
                observedQuality, incidents, notes);
    }

    public static List<Checkin> ofProposal(long proposalId) {
        return list("from Checkin c join fetch c.enteredBy where c.proposal.id = ?1 order by c.periodEnd desc, c.id desc",
                proposalId);
    }
}
