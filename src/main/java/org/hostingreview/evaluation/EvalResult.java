package org.hostingreview.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import org.hostingreview.account.UserAccount;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.Proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One eval run of one model for a proposal. Several runs per model may exist; the latest counts. */
@Entity
@Table(name = "eval_result")
public class EvalResult extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    public Proposal proposal;

    @Column(nullable = false)
    public String model;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvalRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(name = "eval_set", nullable = false)
    public String evalSet;

    @Column(name = "sample_size", nullable = false)
    public int sampleSize;

    @Enumerated(EnumType.STRING)
    @Column(name = "score_kind", nullable = false)
    public ScoreKind scoreKind;

    @Column(nullable = false)
    public BigDecimal score;

    @Column(name = "run_date", nullable = false)
    public LocalDate runDate;

    public String notes;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entered_by")
    public UserAccount enteredBy;

    @Column(name = "entered_at", nullable = false)
    public Instant enteredAt;

    /** All runs of a proposal, newest first, with who entered them; one query. */
    public static List<EvalResult> ofProposal(long proposalId) {
        return list("from EvalResult e join fetch e.enteredBy where e.proposal.id = ?1 "
                + "order by e.runDate desc, e.id desc", proposalId);
    }

    /** The run that counts for each model: the latest by run date (then by entry). */
    public static List<EvalResult> latestPerModel(List<EvalResult> newestFirst) {
        Map<String, EvalResult> latest = new LinkedHashMap<>();
        for (EvalResult run : newestFirst) {
            latest.putIfAbsent(run.model.toLowerCase(java.util.Locale.ROOT), run);
        }
        return new ArrayList<>(latest.values());
    }
}
