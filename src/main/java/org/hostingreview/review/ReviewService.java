package org.hostingreview.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.core.Response.Status;

import org.hostingreview.account.UserAccount;
import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.audit.Changes;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.evaluation.EvaluationService;
import org.hostingreview.pricing.CatalogRef;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.pricing.RecommendationView;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Estimates;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.proposal.WorkflowEvent;
import org.hostingreview.recommendation.Answers;
import org.hostingreview.recommendation.PlanStep;
import org.hostingreview.recommendation.ProposalInputs;
import org.hostingreview.recommendation.TierResult;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.system.Rows;
import org.hostingreview.web.Choices;
import org.hostingreview.web.ConflictException;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.FormValidator;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

import io.quarkus.security.ForbiddenException;

/**
 * Reviews: reviewers approve, reject or request changes. The owner and anyone who edited a proposal cannot
 * review it (also enforced by the database). A self-hosted decision, or one with enough monthly spend at stake,
 * needs two approvals from two reviewers; a rejection by either ends it. Every review freezes what the reviewer
 * saw, and is audited with the status change it causes, in one transaction.
 */
@ApplicationScoped
public class ReviewService {

    @Inject
    ProposalService proposals;

    @Inject
    Rows plain;

    @Inject
    org.hostingreview.account.AccountService accounts;

    @Inject
    EvaluationService evaluations;

    @Inject
    CostingService costing;

    @Inject
    AuditService audit;

    @Inject
    FormValidator forms;

    @Inject
    HostingReviewConfig config;

    @Inject
    jakarta.enterprise.inject.Instance<Observed.Source> observations;

    @Inject
    EntityManager em;

    @Inject
    org.hostingreview.proposal.ProposalLocks locks;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.inject.Instance<org.hostingreview.web.CurrentUser> currentUser;

    @Inject
    jakarta.enterprise.event.Event<WorkflowEvent> workflow;

    /**
     * What the review part of a proposal page shows to this user; {@code decidedOn} is the costing the review decides on
     * (at the observed workload when a check-in re-opened the decision), which the page's recommendation shows too.
     */
    public record Panel(boolean canReview, String whyNot, int approvals, int needed, Tier approvedTier, List<ReviewLine> history,
            String recommendedTier, List<Tier> tiers, List<Verdict> verdicts, LocalDate defaultNextReview, LocalDate latestNextReview,
            List<String> selfHostedBlockers, Observed observed, long filedRequestsPerMonth, Double filedSpendUsd, Costing decidedOn) {
    }

    @Transactional(TxType.SUPPORTS)
    public Panel panel(Proposal proposal, SignedInUser me, Costing shown) {
        return panel(proposal, me, shown, evaluations.runs(proposal.id), () -> costing.snapshot(costing.today()));
    }

    /** The panel with the proposal's eval runs and today's catalog as the page already has them (not read again). */
    public Panel panel(Proposal proposal, SignedInUser me, Costing shown, List<EvalResult> runs,
            java.util.function.Supplier<CatalogSnapshot> todaysCatalog) {
        // the history's lines without their 25-30 KB snapshots: the decision in force is read (snapshot and all) only when
        // a re-review may decide on the figures it settled at
        List<ReviewLine> history = ReviewLine.ofProposal(proposal.id);
        Observed observed = observedBasis(proposal);
        Costing costed = observed == null ? shown : costing.cost(proposal, runs, todaysCatalog.get(), onObserved(observed));
        List<ReviewLine> approvals = history.stream()
                .filter(r -> r.round() == proposal.reviewRound && r.verdict() == Verdict.APPROVE).toList();
        Tier chosen = approvals.isEmpty() ? costed.recommendation().recommended() : approvals.get(0).chosenTier();
        ReviewBlock block = block(proposal, me,
                () -> history.stream().anyMatch(r -> r.round() == proposal.reviewRound && r.reviewer().id == me.id()));
        String whyNot = block == null ? null : block.message(proposal);
        TierResult selfHosted = costed.recommendation().tier(Tier.SELF_HOSTED);
        List<String> blockers = costed.recommendation().rules().stream()
                .filter(rule -> selfHosted.blockedBy().contains(rule.id()))
                .map(rule -> rule.id().name() + ": " + rule.reason()).toList();
        List<Verdict> verdicts = proposal.status == ProposalStatus.REVIEW_DUE
                ? List.of(Verdict.APPROVE, Verdict.REQUEST_CHANGES, Verdict.SUPERSEDE)
                : List.of(Verdict.APPROVE, Verdict.REQUEST_CHANGES, Verdict.REJECT);
        LocalDate today = LocalDate.now(clock);
        return new Panel(whyNot == null, whyNot, approvals.size(), needed(costed, chosen),
                approvals.isEmpty() ? null : approvals.get(0).chosenTier(), history, costed.recommendation().recommended().name(),
                List.of(Tier.values()), verdicts, today.plusDays(config.review().defaultReviewDays()),
                today.plusDays(config.review().maxReviewDays()), blockers, observed,
                proposal.workload.requestsPerMonth == null ? 0 : proposal.workload.requestsPerMonth,
                proposal.spend.currentMonthlySpendUsd == null ? null : proposal.spend.currentMonthlySpendUsd.doubleValue(), costed);
    }

    /** The check-in a re-review decides on (the one that re-opened it), or null: a decision as filed. */
    Observed observedBasis(Proposal proposal) {
        if (proposal.status != ProposalStatus.REVIEW_DUE || observations.isUnsatisfied()) {
            return null;
        }
        Observed reopening = observations.get().reopening(proposal.id);
        if (reopening != null) {
            return reopening;
        }
        // Due by its date with no check-in since: a decision settled at observed figures is re-decided on those.
        Review inForce = decision(proposal.id);
        if (inForce != null && inForce.snapshot.basis() != null && inForce.snapshot.basis().observed()) {
            DecisionSnapshot s = inForce.snapshot;
            DecisionSnapshot.Basis b = s.basis();
            return new Observed(b.checkinId() == null ? 0 : b.checkinId(), b.periodStart(), b.periodEnd(), b.periodLabel(),
                    s.requestsPerMonth(), (int) s.workload().inputTokensPerRequest(), (int) s.workload().outputTokensPerRequest(),
                    s.monthlySpendUsd() == null ? 0 : s.monthlySpendUsd(), s.answers().spendTier());
        }
        return null;
    }

    /** The proposal's inputs with a check-in's workload, running on the tier its spend was on at that spend. */
    static UnaryOperator<ProposalInputs> onObserved(Observed o) {
        return in -> {
            Workload w = in.workload();
            Workload actual = new Workload(o.requestsPerMonth(), o.inputTokensPerRequest(), o.outputTokensPerRequest(),
                    w.cachedInputShare(), w.peakToAverage(), w.ttftTargetMs());
            return new ProposalInputs(actual, onTier(in.answers(), o.spendTier(), o.spendPerMonth()), in.constraints(),
                    in.scores());
        };
    }

    /** The answers as if the feature ran on {@code tier} at {@code spend} a month. */
    public static Answers onTier(Answers a, Tier tier, double spend) {
        return new Answers(spend, a.mlOpsEngineers(), a.hiresPlanned(), a.hostedOpenMonthsRun(), a.upgradeOwner(), a.evalSet(),
                a.selfHostEstimateUsd(), tier, a.selfHostPlannedReplicas());
    }

    /** Why this user may not review this proposal now, or null when they may. */
    private ReviewBlock block(Proposal proposal, SignedInUser me, List<Review> history) {
        return block(proposal, me, () -> history.stream().anyMatch(r -> r.round == proposal.reviewRound && r.reviewer.id == me.id()));
    }

    private ReviewBlock block(Proposal proposal, SignedInUser me, java.util.function.BooleanSupplier reviewedThisRound) {
        return ReviewBlock.of(proposal, me, () -> ((Number) em.createNativeQuery(
                "select count(*) from proposal_editor where proposal_id = ?1 and user_id = ?2")
                .setParameter(1, proposal.id).setParameter(2, me.id()).getSingleResult()).longValue() > 0,
                () -> UserAccount.roleGrantedAfter(me.id(), Role.REVIEWER, proposal.submittedAt), reviewedThisRound);
    }

    /** The outcome of a posted review: the review recorded (or found, for a repeated post) and the new status. */
    public record Outcome(Review review, boolean repeated, ProposalStatus status, int approvals, int needed) {
    }

    /** A review posted from a page in the first sign-in after an admin reset the reviewer's password (never at start-up). */
    private boolean firstSignInAfterReset() {
        return io.quarkus.arc.Arc.container().requestContext().isActive() && currentUser.get().isFirstSignInAfterReset();
    }

    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public Outcome review(long proposalId, SignedInUser me, ReviewForm form) {
        // the proposal's row first: a second post of the same form waits for the first and then finds it
        locks.one(proposalId);
        Review repeated = form.token() == null ? null
                : Review.<Review>find("submissionToken", form.token()).firstResult();
        if (repeated != null && repeated.proposal.id == proposalId && repeated.reviewer.id == me.id()) {
            Proposal p = repeated.proposal;
            return new Outcome(repeated, true, p.status, 0, 0);
        }
        Proposal proposal = proposals.visible(proposalId, me);
        List<Review> history = Review.ofProposal(proposalId);
        ReviewBlock block = block(proposal, me, history);
        if (block != null) {
            throw block.status() == Status.FORBIDDEN ? new ForbiddenException(block.message(proposal))
                    : new ConflictException(block.message(proposal));
        }
        if (form.version() == null || !form.version().equals(String.valueOf(proposal.version))) {
            throw new StaleReviewException();
        }
        List<EvalResult> runs = evaluations.runs(proposalId);
        Observed observed = observedBasis(proposal);
        CatalogSnapshot catalog = costing.snapshot(observed == null ? costing.asOf(proposal) : costing.today());
        Costing costed = observed == null ? costing.cost(proposal, runs, catalog)
                : costing.cost(proposal, runs, catalog, onObserved(observed));
        Tier recommended = costed.recommendation().recommended();

        FormErrors errors = forms.validate(form);
        Verdict verdict = Choices.parse(errors, "verdict", form.verdict(), Verdict.class);
        if (verdict == Verdict.SUPERSEDE && proposal.status != ProposalStatus.REVIEW_DUE
                || verdict == Verdict.REJECT && proposal.status == ProposalStatus.REVIEW_DUE) {
            errors.add("verdict", "Choose one of the options.");
        }
        Tier chosen = null;
        LocalDate next = null;
        List<Review> approvals = approvalsThisRound(history, proposal.reviewRound);
        if (verdict == Verdict.APPROVE) {
            chosen = form.chosenTier() == null || form.chosenTier().isBlank() ? recommended
                    : Choices.parse(errors, "chosenTier", form.chosenTier(), Tier.class);
            if (chosen != null) {
                checkApprovable(costed, chosen, recommended, form, approvals, errors);
            }
            next = nextReview(form.nextReviewOn(), errors);
        }
        errors.throwIfAny();

        Review review = new Review();
        review.proposal = proposal;
        review.reviewer = UserAccount.findById(me.id());
        review.round = proposal.reviewRound;
        review.verdict = verdict;
        review.chosenTier = chosen;
        review.recommendedTier = recommended;
        review.rationale = form.rationale().strip();
        review.justification = blankToNull(form.justification());
        review.conditions = blankToNull(form.conditions());
        review.nextReviewOn = next;
        review.submissionToken = form.token();
        review.snapshot = snapshot(proposal, runs, catalog, costed, observed, chosen);
        review.createdAt = clock.instant();
        review.afterAdminReset = firstSignInAfterReset();

        ProposalStatus from = proposal.status;
        int approvalsNow = approvals.size() + (verdict == Verdict.APPROVE ? 1 : 0);
        int needed = needed(costed, chosen == null ? recommended : chosen);
        review.completesDecision = verdict == Verdict.APPROVE && approvalsNow >= needed;
        review.persist();
        switch (verdict) {
            case REJECT -> proposal.moveTo(ProposalStatus.REJECTED);
            case REQUEST_CHANGES -> proposal.moveTo(ProposalStatus.CHANGES_REQUESTED);
            case SUPERSEDE -> {
                proposal.moveTo(ProposalStatus.SUPERSEDED);
                proposals.supersede(proposal, me.username());
            }
            case APPROVE -> {
                if (approvalsNow >= needed) {
                    LocalDate earliest = next;
                    for (Review earlier : approvals) {
                        if (earlier.nextReviewOn != null && earlier.nextReviewOn.isBefore(earliest)) {
                            earliest = earlier.nextReviewOn;
                        }
                    }
                    proposal.approve(chosen, review.createdAt, earliest);
                }
            }
        }
        proposal.updatedAt = review.createdAt;
        audit.event(AuditAction.REVIEW_RECORDED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                .detail("reviewId", review.id).detail("round", review.round).detail("verdict", verdict.name())
                .detail("chosenTier", chosen == null ? null : chosen.name()).detail("recommendedTier", recommended.name())
                .detail("approvals", verdict == Verdict.APPROVE ? approvalsNow + " of " + needed : null)
                .detail("firstSignInAfterAdminReset", review.afterAdminReset ? "yes" : null)
                .detail("rationale", review.rationale).record();
        if (proposal.status != from) {
            audit.event(AuditAction.PROPOSAL_STATUS_CHANGED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                    .detail("reason", verdict.done()).changes(new Changes().field("status", from, proposal.status)
                            .field("decidedTier", null, proposal.decidedTier)).record();
        }
        em.flush();
        String round = ":" + proposal.id + ":" + review.round + ":" + review.id;
        if (verdict == Verdict.APPROVE && approvalsNow < needed) {
            workflow.fire(new WorkflowEvent(proposal, me.id(), WorkflowEvent.What.SECOND_APPROVAL, String.format(
                    "%s approved %s (%d of %d); a second reviewer must approve", review.reviewer.displayName, chosen.label(),
                    approvalsNow, needed), "second" + round));
        } else if (verdict == Verdict.REQUEST_CHANGES) {
            workflow.fire(new WorkflowEvent(proposal, me.id(), WorkflowEvent.What.CHANGES_REQUESTED,
                    review.reviewer.displayName + " requested changes: " + review.rationale, "changes" + round));
        } else {
            workflow.fire(new WorkflowEvent(proposal, me.id(), WorkflowEvent.What.VERDICT, review.reviewer.displayName + ": "
                    + verdict.done() + (chosen == null ? "" : " (" + chosen.label() + ")") + ". " + review.rationale,
                    "verdict" + round));
        }
        return new Outcome(review, false, proposal.status, approvalsNow, needed);
    }

    private void checkApprovable(Costing costed, Tier chosen, Tier recommended, ReviewForm form, List<Review> approvals,
            FormErrors errors) {
        TierResult tier = costed.recommendation().tier(chosen);
        if (tier.blocked()) {
            errors.add("chosenTier", String.format("%s cannot be approved while %s fires%s.", chosen.label(),
                    String.join(", ", tier.blockedBy().stream().map(Enum::name).toList()),
                    costed.recommendation().rules().stream().filter(r -> tier.blockedBy().contains(r.id()))
                            .map(r -> ": " + r.reason()).findFirst().orElse("")));
        }
        if (chosen != recommended && (form.justification() == null || form.justification().isBlank())) {
            errors.add("justification", "Say why you choose " + chosen.label() + " over the recommended " + recommended.label() + ".");
        }
        if (!approvals.isEmpty() && approvals.get(0).chosenTier != chosen) {
            errors.add("chosenTier", "The first approval chose " + approvals.get(0).chosenTier.label() + ": approve that tier too, "
                    + "or request changes.");
        }
    }

    private LocalDate nextReview(String text, FormErrors errors) {
        LocalDate today = LocalDate.now(clock);
        if (text == null || text.isBlank()) {
            errors.add("nextReviewOn", "Set the next review date.");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (!date.isAfter(today)) {
                errors.add("nextReviewOn", "The next review must be after today.");
            } else if (date.isAfter(today.plusDays(config.review().maxReviewDays()))) {
                errors.add("nextReviewOn", "The next review must be within a year.");
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add("nextReviewOn", "Enter a date as YYYY-MM-DD.");
            return null;
        }
    }

    /** Two approvals for a self-hosted decision or one with enough monthly spend at stake; one otherwise. */
    int needed(Costing costed, Tier chosen) {
        return needed(chosen, stake(costed, chosen));
    }

    /**
     * The four-eyes rule, its one home: two approvals when the chosen tier is self-hosted or the monthly spend at stake
     * reaches the threshold ({@code hosting-review.review.four-eyes-threshold-usd}), one otherwise.
     */
    int needed(Tier chosen, double stake) {
        return chosen == Tier.SELF_HOSTED || stake >= config.review().fourEyesThresholdUsd() ? 2 : 1;
    }

    /** Monthly spend at stake: today's spend or the chosen tier's cost, whichever is larger. */
    static double stake(Costing costed, Tier chosen) {
        Double stated = costed.inputs().answers().currentMonthlySpendUsd();
        double today = stated != null ? stated
                : costed.recommendation().tier(costed.inputs().answers().incumbentTier()).monthlyCost();
        return stake(today, costed.recommendation().tier(chosen).monthlyCost());
    }

    /**
     * The same from figures: today's monthly spend (stated, else today's tier's cost: a stored estimate's
     * {@code spend_today_usd}) and the chosen tier's monthly cost (for the recommended tier, {@code under_recommendation_usd}).
     */
    static double stake(double spendToday, double underChosen) {
        return Math.max(spendToday, underChosen);
    }

    private static List<Review> approvalsThisRound(List<Review> history, int round) {
        return history.stream().filter(r -> r.round == round && r.verdict == Verdict.APPROVE).toList();
    }

    /**
     * Everything the reviewer saw, typed: the workload and answers decided on (filed, or observed), the eval runs,
     * the catalog values used, each tier's costs, the rules, the plan and the page as shown.
     */
    DecisionSnapshot snapshot(Proposal proposal, List<EvalResult> runs, CatalogSnapshot catalog, Costing costed,
            Observed observed, Tier chosen) {
        var facts = new DecisionSnapshot.ProposalFacts(proposal.id, proposal.title, proposal.feature.name,
                proposal.feature.description, proposal.team.name, proposal.owner.displayName, proposal.reviewRound,
                proposal.workload.incumbentProvider, proposal.workload.incumbentModel, proposal.workload.currentTier, proposal.constraintLabels());
        var basis = observed == null ? DecisionSnapshot.Basis.filed()
                : new DecisionSnapshot.Basis(DecisionSnapshot.Basis.Kind.OBSERVED, observed.checkinId(), observed.periodStart(),
                        observed.periodEnd(), observed.periodLabel());
        Answers a = costed.inputs().answers();
        var answers = new DecisionSnapshot.DecidedAnswers(a.currentMonthlySpendUsd(), a.incumbentTier(), a.mlOpsEngineers(),
                a.hiresPlanned(), a.hostedOpenMonthsRun(), a.upgradeOwner(), a.evalSet(), a.selfHostEstimateUsd(),
                a.selfHostPlannedReplicas());
        List<DecisionSnapshot.EvalUsed> evals = runs.stream().map(run -> new DecisionSnapshot.EvalUsed(run.model, run.role.name(),
                run.tier, run.evalSet, run.sampleSize, run.scoreKind.name(), run.score.doubleValue(), run.runDate)).toList();
        Map<String, LocalDate> effective = effectiveDates(costed);
        List<DecisionSnapshot.CatalogValueUsed> values = new ArrayList<>();
        for (Param param : Param.values()) {
            ValueSource source = costed.assumptions().source(param);
            values.add(new DecisionSnapshot.CatalogValueUsed(param.key(), costed.assumptions().get(param), source.kind(),
                    source.catalogRef(), source.describes(), source.source(),
                    source.catalogRef() == null ? null : effective.get(source.catalogRef()), source.checkedOn()));
        }
        Map<Tier, DecisionSnapshot.TierFigures> tiers = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            TierResult result = costed.recommendation().tier(tier);
            tiers.put(tier, new DecisionSnapshot.TierFigures(result.monthlyCost(), result.upfrontCost()));
        }
        List<DecisionSnapshot.RuleFired> rules = costed.recommendation().rules().stream()
                .map(r -> new DecisionSnapshot.RuleFired(r.id(), r.kind().name(), r.reason())).toList();
        List<PlanStep> plan = costed.recommendation().plan() == null ? List.of() : List.copyOf(costed.recommendation().plan());
        return new DecisionSnapshot(DecisionSnapshot.CURRENT, clock.instant(), costed.assumptions().asOf(), facts, basis,
                DecisionSnapshot.DecidedWorkload.of(costed.inputs().workload()), answers, evals, values, tiers, rules,
                costed.recommendation().recommended(), chosen, plan, RecommendationView.of(costed));
    }

    /** The effective dates of the catalog rows a costing used, by reference ({@code model_price:12}). */
    private Map<String, LocalDate> effectiveDates(Costing costed) {
        Map<String, List<Long>> byTable = new HashMap<>();
        for (Param param : Param.values()) {
            String ref = costed.assumptions().source(param).catalogRef();
            if (ref != null && ref.contains(":")) {
                String table = ref.substring(0, ref.indexOf(':'));
                try {
                    byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(Long.parseLong(ref.substring(ref.indexOf(':') + 1)));
                } catch (NumberFormatException e) {
                    // not a row reference: no effective date to look up
                }
            }
        }
        Map<String, LocalDate> dates = new HashMap<>();
        for (var entry : byTable.entrySet()) {
            if (!CATALOG_TABLES.contains(entry.getKey())) {
                continue;
            }
            for (Object row : em.createNativeQuery("select id, effective_from from " + entry.getKey() + " where id in (?1)")
                    .setParameter(1, entry.getValue()).getResultList()) {
                Object[] cells = (Object[]) row;
                Object date = cells[1];
                dates.put(entry.getKey() + ":" + ((Number) cells[0]).longValue(),
                        date instanceof java.sql.Date d ? d.toLocalDate() : date instanceof LocalDate l ? l : null);
            }
        }
        return dates;
    }

    private static final Set<String> CATALOG_TABLES = Set.of(CatalogRef.MODEL_PRICE, CatalogRef.GPU_PRICE, CatalogRef.THROUGHPUT,
            CatalogRef.POLICY);

    /** The view a decision was made on, as it was shown. */
    public RecommendationView frozenView(Review review) {
        return review.snapshot.view();
    }

    // --- the queue --------------------------------------------------------------------------------------

    /** One proposal waiting for review. */
    public record QueueRow(long id, String title, String team, ProposalStatus status, long requestsPerMonth, double stake,
            Tier recommended, long ageDays, int approvals, int needed, boolean mayReview) {
    }

    /** Rows per page of the queue. */
    public static final int QUEUE_PAGE = 50;

    /** One page of the queue, the number waiting in all, and the cursor of the next page ({@code day-id}), or null. */
    public record QueuePage(List<QueueRow> rows, long total, String next) implements org.hostingreview.web.CappedList<QueueRow> {
    }

    /** The first page of the queue (the longest waiting). */
    @Transactional(TxType.SUPPORTS)
    public List<QueueRow> queue(SignedInUser me, Long teamFilter, ProposalStatus statusFilter) {
        return queuePage(me, teamFilter, statusFilter, null).rows();
    }

    /**
     * A page of the queue, longest waiting first (by the day it started waiting, then id), keyset-paginated after
     * {@code after} on the index of V18_3. One statement reads the page's rows with what the eligibility rule asks of each,
     * the stored estimate's recommended tier and figures where it is fresh ({@link Estimates#fresh}), and the count of all
     * waiting up to {@link Todos#COUNTED}; only rows whose estimate is missing, stale or older than today's catalog are
     * loaded and costed, so the queue never shows a stale figure.
     */
    @Transactional(TxType.SUPPORTS)
    public QueuePage queuePage(SignedInUser me, Long teamFilter, ProposalStatus statusFilter, String after) {
        List<ProposalStatus> statuses = statusFilter != null && statusFilter.reviewable() ? List.of(statusFilter)
                : List.of(ProposalStatus.SUBMITTED, ProposalStatus.REVIEW_DUE);
        // the index's predicate (V18_3) word for word, narrowed to one status when filtered
        String waiting = "p.status in ('SUBMITTED', 'REVIEW_DUE')" + (statuses.size() == 1 ? " and p.status = '"
                + statuses.get(0).name() + "'" : "") + (teamFilter != null ? " and p.team_id = :team" : "");
        String[] cursor = after != null && after.matches("\\d{4}-\\d{2}-\\d{2}_\\d{1,18}") ? after.split("_") : null;
        LocalDate atDay = null;
        try {
            atDay = cursor == null ? null : LocalDate.parse(cursor[0]);
        } catch (DateTimeParseException e) {
            cursor = null; // a cursor that is no date starts at the first page
        }
        String page = "select p.id, " + Todos.WAITING_SINCE + " as since, p.title, t.name, p.status, p.owner_id, p.submitted_at, "
                // "offset 0": probed per row of the page by primary key, not hashed over all of my reviews and edits
                + "p.round_approvals, exists (select 1 from review r where r.proposal_id = p.id and r.round = p.review_round "
                + "and r.reviewer_id = :me offset 0), exists (select 1 from proposal_editor e where e.user_id = :me "
                + "and e.proposal_id = p.id offset 0), "
                + "(select max(g.granted_at) from role_grant g where g.user_id = :me and g.role = 'REVIEWER'), "
                + "(select count(*) from (select 1 from proposal p where " + waiting + " limit " + (Todos.COUNTED + 1) + ") c), "
                + "coalesce(p.requests_per_month, 0), case when " + Estimates.fresh("pe", ":today") + " then pe.recommended_tier end, "
                + "pe.spend_today_usd, pe.under_recommendation_usd "
                + "from proposal p join team t on t.id = p.team_id left join proposal_estimate pe on pe.proposal_id = p.id where "
                + waiting + (cursor != null ? " and (" + Todos.WAITING_SINCE + ", p.id) > (cast(:atDay as date), :atId)" : "")
                + " order by since, p.id limit " + (QUEUE_PAGE + 1);
        Map<String, Object> values = new HashMap<>();
        values.put("today", costing.today());
        values.put("me", me.id());
        if (teamFilter != null) {
            values.put("team", teamFilter);
        }
        if (cursor != null) {
            values.put("atDay", atDay);
            values.put("atId", Long.parseLong(cursor[1]));
        }
        // plain JDBC (Rows), as the proposals list reads its rows
        List<Object[]> keys = plain.read(page, values);
        long total = keys.isEmpty() ? countWaiting(waiting, teamFilter) : ((Number) keys.get(0)[11]).longValue();
        String next = null;
        if (keys.size() > QUEUE_PAGE) {
            keys = keys.subList(0, QUEUE_PAGE);
            Object[] last = keys.get(keys.size() - 1);
            next = last[1] + "_" + ((Number) last[0]).longValue();
        }
        // what is not stored fresh is costed now, with today's catalog, as the stored estimate would be
        List<Long> toCost = keys.stream().filter(k -> k[13] == null).map(k -> ((Number) k[0]).longValue()).toList();
        Map<Long, Costing> costed = new HashMap<>();
        if (!toCost.isEmpty()) {
            List<Proposal> unstored = em.createQuery("from Proposal p join fetch p.team join fetch p.feature join fetch p.owner "
                    + "where p.id in :ids", Proposal.class).setParameter("ids", toCost).getResultList();
            Map<Long, List<EvalResult>> runs = costing.runsOf(unstored);
            CatalogSnapshot catalog = costing.snapshot(costing.today());
            for (Proposal p : unstored) {
                costed.put(p.id, costing.cost(p, runs.getOrDefault(p.id, List.of()), catalog));
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<QueueRow> rows = new ArrayList<>();
        for (Object[] k : keys) {
            long id = ((Number) k[0]).longValue();
            ProposalStatus status = ProposalStatus.valueOf((String) k[4]);
            Instant submittedAt = Rows.instant(k[6]);
            Instant grantedAt = Rows.instant(k[10]);
            Tier recommended;
            double stake;
            if (k[13] != null) {
                recommended = Tier.valueOf((String) k[13]);
                stake = stake(((Number) k[14]).doubleValue(), ((Number) k[15]).doubleValue());
            } else {
                Costing c = costed.get(id);
                if (c == null) {
                    continue; // gone since the page was read
                }
                recommended = c.recommendation().recommended();
                stake = stake(c, recommended);
            }
            LocalDate since = k[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) k[1];
            long age = since == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(since, today));
            boolean may = ReviewBlock.of(status, ((Number) k[5]).longValue(), me, () -> Boolean.TRUE.equals(k[9]),
                    () -> grantedAt != null && submittedAt != null && grantedAt.isAfter(submittedAt),
                    () -> Boolean.TRUE.equals(k[8])) == null;
            rows.add(new QueueRow(id, (String) k[2], (String) k[3], status, ((Number) k[12]).longValue(), stake, recommended, age,
                    ((Number) k[7]).intValue(), needed(recommended, stake), may));
        }
        rows.sort(Comparator.comparingLong(QueueRow::ageDays).reversed().thenComparingLong(QueueRow::id));
        return new QueuePage(rows, total, next);
    }

    private long countWaiting(String waiting, Long teamFilter) {
        var count = em.createNativeQuery("select count(*) from (select 1 from proposal p where " + waiting + " limit "
                + (Todos.COUNTED + 1) + ") c");
        if (teamFilter != null) {
            count.setParameter("team", teamFilter);
        }
        return ((Number) count.getSingleResult()).longValue();
    }

    /** The queue page with the teams to filter by. */
    public record QueueView(QueuePage page, io.quarkus.qute.RawString teamOptions) {
    }

    /**
     * The queue page and the team filter's options, {@code team} (as typed) selected. It only reads, so it runs without a
     * transaction of its own, as the proposals list does: no COMMIT, a round trip and the transaction manager's work less.
     */
    @Transactional(TxType.SUPPORTS)
    public QueueView queueView(SignedInUser me, Long teamFilter, ProposalStatus statusFilter, String after, String team) {
        return new QueueView(queuePage(me, teamFilter, statusFilter, after), accounts.teamOptions(team));
    }

    /**
     * The decision in force: the approval that completed the latest completed round (four eyes satisfied where
     * required), or null. An approval still waiting for its second reviewer is not one.
     */
    @Transactional(TxType.SUPPORTS)
    public Review decision(long proposalId) {
        return em.createQuery("from Review r join fetch r.reviewer join fetch r.proposal where r.proposal.id = :id "
                + "and r.verdict = :approve and r.completesDecision = true order by r.id desc", Review.class)
                .setParameter("id", proposalId).setParameter("approve", Verdict.APPROVE).setMaxResults(1).getResultStream()
                .findFirst().orElse(null);
    }

    /** The decision in force of each given proposal that has one, in one query. */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, Review> decisions(Collection<Long> proposalIds) {
        Map<Long, Review> latest = new HashMap<>();
        if (proposalIds.isEmpty()) {
            return latest;
        }
        List<Long> ids = List.copyOf(proposalIds);
        for (int from = 0; from < ids.size(); from += CostingService.ID_CHUNK) {
            for (Review r : em.createQuery("from Review r where r.proposal.id in :ids and r.verdict = :approve "
                    + "and r.completesDecision = true order by r.id", Review.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CostingService.ID_CHUNK)))
                    .setParameter("approve", Verdict.APPROVE).getResultList()) {
                latest.put(r.proposal.id, r);
            }
        }
        return latest;
    }

    /**
     * What is true of a proposal's decision: the decision in force (with its approvals) and its status, and an
     * approval of the current round still waiting for a second reviewer.
     */
    public record DecisionState(Review inForce, List<Review> approvals, Review pending, Status status, Long supersededBy,
            LocalDate dueSince) {

        public enum Status {
            ACCEPTED, BACK_FOR_REVIEW, AWAITING_SECOND_APPROVAL, SUPERSEDED, WITHDRAWN
        }

        /** The decision shown: the one in force, else the approval waiting for its second reviewer. */
        public Review shown() {
            return inForce != null ? inForce : pending;
        }

        /** The status in words, as the decision page and the MADR say it. */
        public String text() {
            return switch (status) {
                case ACCEPTED -> "accepted";
                case BACK_FOR_REVIEW -> "accepted, back for review since " + dueSince;
                case AWAITING_SECOND_APPROVAL -> "awaiting a second approval (1 of 2)";
                case SUPERSEDED -> "superseded by #" + supersededBy;
                case WITHDRAWN -> "withdrawn";
            };
        }

        /** The MADR status line's value (MADR's own words where they fit). */
        public String madr() {
            return switch (status) {
                case ACCEPTED -> "accepted";
                case BACK_FOR_REVIEW -> "accepted (back for review since " + dueSince + ")";
                case AWAITING_SECOND_APPROVAL -> "proposed (awaiting a second approval, 1 of 2)";
                case SUPERSEDED -> "superseded by #" + supersededBy;
                case WITHDRAWN -> "withdrawn";
            };
        }

        /** A reaffirmation of the decision in force waits for its second reviewer. */
        public boolean reaffirmationPending() {
            return inForce != null && pending != null;
        }
    }

    /** The decision state of a proposal, or null when nobody has approved it yet. */
    @Transactional(TxType.SUPPORTS)
    public DecisionState decisionState(Proposal proposal) {
        List<Review> history = Review.ofProposal(proposal.id);
        Review inForce = null;
        for (Review r : history) {
            if (r.verdict == Verdict.APPROVE && r.completesDecision) {
                inForce = r;
            }
        }
        Review pending = null;
        if (proposal.status.reviewable()) {
            pending = approvalsThisRound(history, proposal.reviewRound).stream().filter(r -> !r.completesDecision).findFirst()
                    .orElse(null);
        }
        if (inForce == null && pending == null) {
            return null;
        }
        Review shown = inForce != null ? inForce : pending;
        List<Review> approvals = approvalsThisRound(history, shown.round);
        DecisionState.Status status;
        if (proposal.status == ProposalStatus.SUPERSEDED) {
            status = DecisionState.Status.SUPERSEDED;
        } else if (proposal.status == ProposalStatus.WITHDRAWN) {
            status = DecisionState.Status.WITHDRAWN;
        } else if (inForce == null) {
            status = DecisionState.Status.AWAITING_SECOND_APPROVAL;
        } else if (proposal.status == ProposalStatus.REVIEW_DUE) {
            status = DecisionState.Status.BACK_FOR_REVIEW;
        } else {
            status = DecisionState.Status.ACCEPTED;
        }
        return new DecisionState(inForce, approvals, pending, status, proposal.supersededById, proposal.dueSince);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Another reviewer acted on the proposal since this form was opened. */
    public static class StaleReviewException extends RuntimeException {
        public StaleReviewException() {
            super("This proposal changed since you opened it.");
        }
    }
}
