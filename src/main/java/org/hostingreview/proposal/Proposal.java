package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.Version;

import org.hostingreview.account.Team;
import org.hostingreview.account.UserAccount;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.web.ConflictException;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A team's proposal for where one feature's model should run: the workload, the answers to the
 * framework's five questions, and the constraints the rules read. Filled in over the steps of
 * {@link Step}; {@link #stepsSaved} records which steps have been answered.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "feature_id")
    public Feature feature;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    public UserAccount owner;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProposalStatus status = ProposalStatus.DRAFT;

    @Column(name = "steps_saved", nullable = false)
    public int stepsSaved;

    // The intake, one embeddable per step (the title and the feature are step 1's too). Hibernate loads a step whose
    // columns are all null as null: the getters below answer an empty step instead, so nobody reads a null step.
    @Embedded
    public WorkloadStep workload = new WorkloadStep();
    @Embedded
    public SpendStep spend = new SpendStep();
    @Embedded
    public MlOpsStep mlOps = new MlOpsStep();
    @Embedded
    public HostedOpenStep hostedOpen = new HostedOpenStep();
    @Embedded
    public UpgradePlanStep upgradePlan = new UpgradePlanStep();
    @Embedded
    public QualityStep quality = new QualityStep();
    @Embedded
    public ConstraintsStep constraints = new ConstraintsStep();

    // Costing: saved what-if assumptions (parameter key -> value) and the day the proposal is costed as of
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Double> assumptions = new LinkedHashMap<>();
    @Column(name = "costed_as_of")
    public LocalDate costedAsOf;

    // Review: the current round (bumped on each submission) and the decision in force
    @Column(name = "review_round", nullable = false)
    public int reviewRound;
    @Enumerated(EnumType.STRING)
    @Column(name = "decided_tier")
    public Tier decidedTier;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    // Revisits: why the decision came back for review, since when; the proposals it replaced or was replaced by
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "due_reasons", nullable = false, columnDefinition = "jsonb")
    public List<ReopenReason> dueReasons = new ArrayList<>();
    @Column(name = "due_since")
    public LocalDate dueSince;
    @Column(name = "supersedes_id")
    public Long supersedesId;
    @Column(name = "superseded_by_id")
    public Long supersededById;

    // Lifecycle
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isSaved(Step step) {
        return (stepsSaved & step.bit()) != 0;
    }

    void markSaved(Step step) {
        stepsSaved |= step.bit();
    }

    public WorkloadStep getWorkload() {
        return workload != null ? workload : new WorkloadStep();
    }

    public SpendStep getSpend() {
        return spend != null ? spend : new SpendStep();
    }

    public MlOpsStep getMlOps() {
        return mlOps != null ? mlOps : new MlOpsStep();
    }

    public HostedOpenStep getHostedOpen() {
        return hostedOpen != null ? hostedOpen : new HostedOpenStep();
    }

    public UpgradePlanStep getUpgradePlan() {
        return upgradePlan != null ? upgradePlan : new UpgradePlanStep();
    }

    public QualityStep getQuality() {
        return quality != null ? quality : new QualityStep();
    }

    public ConstraintsStep getConstraints() {
        return constraints != null ? constraints : new ConstraintsStep();
    }

    /** The constraints that hold, in words, for the summary. */
    public List<String> constraintLabels() {
        return getConstraints().labels();
    }

    /** The peak-to-average ratio the cost model uses: entered, or derived from a busy day's tokens. */
    public BigDecimal effectivePeakToAverage() {
        return getWorkload().effectivePeakToAverage();
    }

    /** Moves to {@code next}, refusing transitions the workflow does not allow. */
    public void moveTo(ProposalStatus next) {
        if (!status.canMoveTo(next)) {
            throw new ConflictException("A proposal that is " + status.label().toLowerCase(Locale.ROOT) + " cannot become "
                    + next.label().toLowerCase(Locale.ROOT) + ".");
        }
        if (next == ProposalStatus.SUBMITTED || next == ProposalStatus.REVIEW_DUE) {
            reviewRound++;
        }
        status = next;
    }

    /** Everything the proposer answered, by field name, for frozen decisions. */
    public Map<String, Object> answers() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Step step : Step.answerable()) {
            all.putAll(stepValues(step));
        }
        return all;
    }

    /** The values one step edits, by field name, for before → after audit records. */
    Map<String, Object> stepValues(Step step) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (step == Step.FEATURE_AND_WORKLOAD) {
            v.put("title", title);
            v.put("feature", feature == null ? null : feature.name);
        }
        IntakeAnswers<?> answers = answersOf(step);
        if (answers != null) {
            v.putAll(answers.values());
        }
        return v;
    }

    /** The stored answers of one step (null for the summary, which has none). */
    IntakeAnswers<?> answersOf(Step step) {
        return switch (step) {
            case FEATURE_AND_WORKLOAD -> getWorkload();
            case SPEND -> getSpend();
            case MLOPS -> getMlOps();
            case HOSTED_OPEN_TRIED -> getHostedOpen();
            case UPGRADE_PLAN -> getUpgradePlan();
            case QUALITY -> getQuality();
            case CONSTRAINTS -> getConstraints();
            case SUBMIT -> null;
        };
    }

    /** The step's form as stored, at this version (the summary has no form). */
    ProposalForms.StepForm formOf(Step step) {
        String v = String.valueOf(version);
        return switch (step) {
            case FEATURE_AND_WORKLOAD -> getWorkload().form(title, String.valueOf(feature.id), v);
            case SPEND -> getSpend().form(v);
            case MLOPS -> getMlOps().form(v);
            case HOSTED_OPEN_TRIED -> getHostedOpen().form(v);
            case UPGRADE_PLAN -> getUpgradePlan().form(v);
            case QUALITY -> getQuality().form(v);
            case CONSTRAINTS -> getConstraints().form(v);
            case SUBMIT -> null;
        };
    }

    /** A draft that starts from this proposal's answers (all steps saved as here), for the supersede step. */
    Proposal copyIntake() {
        Proposal copy = new Proposal();
        copy.feature = feature;
        copy.team = team;
        copy.owner = owner;
        copy.title = title.startsWith("Revisit: ") ? title : "Revisit: " + title;
        copy.stepsSaved = stepsSaved;
        copy.workload = getWorkload().copy();
        // the decision in force is what the feature runs on now
        if (decidedTier != null) {
            copy.workload.currentTier = decidedTier;
        }
        copy.spend = getSpend().copy();
        copy.mlOps = getMlOps().copy();
        copy.hostedOpen = getHostedOpen().copy();
        copy.upgradePlan = getUpgradePlan().copy();
        copy.quality = getQuality().copy();
        copy.constraints = getConstraints().copy();
        copy.assumptions = new LinkedHashMap<>(assumptions);
        copy.supersedesId = id;
        return copy;
    }

    /**
     * The answers at what a check-in observed (its volume, tokens, spend and the tier it was billed on), for a draft
     * that supersedes a decision.
     */
    public void observed(long requestsPerMonth, Integer inputTokens, Integer outputTokens, BigDecimal monthlySpendUsd,
            Tier spendTier) {
        workload = getWorkload().observed(requestsPerMonth, inputTokens, outputTokens, spendTier);
        spend = SpendStep.of(monthlySpendUsd);
    }

    // --- the decision's state changes --------------------------------------------------------------

    /** Approves the proposal: the decision in force is {@code tier} from {@code at}, next reviewed on {@code nextReview}. */
    public void approve(Tier tier, Instant at, LocalDate nextReview) {
        moveTo(ProposalStatus.APPROVED);
        dueReasons = new ArrayList<>();
        dueSince = null;
        decidedTier = tier;
        decidedAt = at;
        nextReviewOn = nextReview;
    }

    /**
     * Re-opens an approved decision for {@code reasons}, due since {@code since}, or adds the reasons to a decision
     * already due. Returns false when nothing changed (not approved nor due, or due for these reasons already).
     */
    public boolean reopen(List<ReopenReason> reasons, LocalDate since) {
        Set<ReopenReason> all = new LinkedHashSet<>(dueReasons);
        all.addAll(reasons);
        if (status == ProposalStatus.APPROVED) {
            moveTo(ProposalStatus.REVIEW_DUE);
            dueSince = since;
            dueReasons = new ArrayList<>(reasons);
            return true;
        }
        if (status == ProposalStatus.REVIEW_DUE && all.size() != dueReasons.size()) {
            dueReasons = new ArrayList<>(all);
            return true;
        }
        return false;
    }

    /** Moves an approved decision's next review to {@code day}. */
    public void reviewOn(LocalDate day) {
        nextReviewOn = day;
    }

    /** Records the draft that replaces this proposal. */
    void supersededBy(Proposal replacement) {
        supersededById = replacement.id;
    }
}
