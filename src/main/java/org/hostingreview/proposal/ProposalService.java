package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.account.AccountService;
import org.hostingreview.account.Team;
import org.hostingreview.account.UserAccount;
import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditEvent;
import org.hostingreview.audit.AuditService;
import org.hostingreview.audit.Changes;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.pricing.WhatIf;
import org.hostingreview.system.KeptPlans;
import org.hostingreview.system.Rows;
import org.hostingreview.web.Choices;
import org.hostingreview.web.ConflictException;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.FormValidator;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.NotFoundException;
import org.hostingreview.web.Numbers;
import org.hostingreview.web.Role;
import org.hostingreview.web.SelectOptions;
import org.hostingreview.web.SignedInUser;

import io.quarkus.qute.RawString;
import io.quarkus.security.ForbiddenException;

/**
 * Filing proposals: create, save each step, submit, withdraw; who may see and edit them; the list.
 * Proposers see their own team's proposals, reviewers and admins all of them; another team's proposal
 * is reported as not found. Every change is audited, with before → after, in the same transaction.
 */
@ApplicationScoped
public class ProposalService {

    @Inject
    Estimates estimates;

    @Inject
    Rows plain;

    @Inject
    AccountService accounts;

    @Inject
    CostingService costing;


    @Inject
    Event<Superseded> superseded;

    @Inject
    Event<WorkflowEvent> workflow;

    @Inject
    AuditService audit;

    @Inject
    FormValidator forms;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ProposalLocks locks;

    // --- reading -----------------------------------------------------------------------------------

    /** A proposal the user may see, with feature, team and owner loaded; not found otherwise. */
    @Transactional(TxType.SUPPORTS)
    public Proposal visible(long id, SignedInUser me) {
        return seen(id, me, em.createQuery(VISIBLE, Proposal.class).setParameter("id", id).getResultStream().findFirst()
                .orElse(null));
    }

    private static final String VISIBLE = "from Proposal p join fetch p.feature join fetch p.team join fetch p.owner "
            + "where p.id = :id";

    private static Proposal seen(long id, SignedInUser me, Proposal proposal) {
        if (proposal == null || !canView(me, proposal)) {
            throw new NotFoundException("There is no proposal #" + id + ".");
        }
        return proposal;
    }

    /** A proposal {@code me} may see, and the catalog's stamp read in the same statement. */
    public record Visible(Proposal proposal, org.hostingreview.pricing.CatalogCosting.Stamp catalog) {
    }

    /** {@link #visible(long, SignedInUser)} and the catalog's stamp in one statement (the proposal page costs on it). */
    public Visible visibleWithCatalog(long id, SignedInUser me) {
        Object[] row = em.createQuery("select p, " + org.hostingreview.pricing.CatalogCosting.STAMP_ITEMS + " " + VISIBLE,
                Object[].class).setParameter("id", id).getResultStream().findFirst().orElse(null);
        Proposal proposal = seen(id, me, row == null ? null : (Proposal) row[0]);
        return new Visible(proposal, org.hostingreview.pricing.CatalogCosting.stamp(row, 1));
    }

    public static boolean canView(SignedInUser me, Proposal proposal) {
        return me.teamId() == proposal.team.id || me.seesAllTeams();
    }

    /** Member of the owning team with the proposer role: may change the answers while the status allows. */
    public static boolean isTeamProposer(SignedInUser me, Proposal proposal) {
        return me.teamId() == proposal.team.id && me.roles().contains(Role.PROPOSER);
    }

    public static boolean canEdit(SignedInUser me, Proposal proposal) {
        return isTeamProposer(me, proposal) && proposal.status.editable();
    }

    /** A proposal the user may edit now: 404 when not visible, 403 when not theirs, 409 when its status forbids. */
    @Transactional(TxType.SUPPORTS)
    public Proposal editable(long id, SignedInUser me) {
        Proposal proposal = visible(id, me);
        if (!isTeamProposer(me, proposal)) {
            throw new ForbiddenException("Only proposers of " + proposal.team.name + " may edit this proposal.");
        }
        if (!proposal.status.editable()) {
            throw new ConflictException("This proposal is " + proposal.status.label().toLowerCase(Locale.ROOT)
                    + " and can no longer be edited.");
        }
        return proposal;
    }

    /** The steps still to be answered before the proposal can be submitted. */
    public static List<Step> missingSteps(Proposal proposal) {
        return missingSteps(proposal.stepsSaved);
    }

    /** The answerable steps not saved yet, from the bits of the saved ones. */
    public static List<Step> missingSteps(int stepsSaved) {
        return Step.answerable().stream().filter(step -> (stepsSaved & step.bit()) == 0).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public List<Feature> featuresOf(long teamId) {
        return Feature.ofTeam(teamId);
    }

    /**
     * The proposals list as its page shows it: one page of rows and the options of the team filter (none unless every
     * team is seen), the one filtered on selected.
     */
    public record ListPage(ProposalPage page, RawString teamOptions) {
    }

    /**
     * One page of the proposals the user may see and, for a user who sees every team, the team filter's options (kept
     * per state of the teams: {@link AccountService#teamOptions}). It only reads, so it runs without a transaction of its
     * own: no COMMIT, a round trip and the transaction manager's work less per page (5 % more pages per second at 100x).
     */
    @Transactional(TxType.SUPPORTS)
    public ListPage listPage(SignedInUser me, ProposalQuery query) {
        Long filtered = query.teamFilter().orElse(null);
        return new ListPage(list(me, query), me.seesAllTeams() ? accounts.teamOptions(filtered == null ? null
                : filtered.toString()) : SelectOptions.of(List.of()));
    }

    /**
     * One page of the proposals the user may see, filtered, newest (or oldest) change first; keyset-paginated. Each
     * row's recommended tier is read from its stored estimate in the statement that reads the rows; only the rows whose estimate is not
     * {@link Estimates#fresh fresh} (missing, stale, older than today's catalog or than its latest change) are costed on
     * the fly, so the list never shows a tier the proposal page would not.
     */
    @Transactional(TxType.SUPPORTS)
    public ProposalPage list(SignedInUser me, ProposalQuery query) {
        // a search is planned for its pattern every time (how many rows match decides between the trigram index and the
        // walk), so its keys are a statement of their own, small to plan, and its rows are read by their ids with a kept
        // plan. In one statement, the whole of it was planned on every search: 0.9 to 1.1 ms of planning against 0.02 (no
        // match) to 0.4 ms (a common word) of execution (pg_stat_statements at 100x)
        boolean searched = query.searchText().isPresent();
        // the page's keys, filtered and ordered on `proposal` alone: a walk of the (updated_at, id) index, which holds the
        // search column too (V27_2), so a common word's walk reads no table pages. Without a search, today is ?1 of the
        // statement that holds the keys
        List<Object> params = new ArrayList<>();
        int first = searched ? 1 : 2;
        java.util.function.Function<Object, String> bound = value -> {
            params.add(value);
            return "?" + (first + params.size() - 1);
        };
        StringBuilder keys = new StringBuilder("select p.id, p.updated_at from proposal p where true");
        if (!me.seesAllTeams()) {
            keys.append(" and p.team_id = ").append(bound.apply(me.teamId()));
        }
        query.teamFilter().ifPresent(team -> keys.append(" and p.team_id = ").append(bound.apply(team)));
        query.statusFilter().ifPresent(status -> keys.append(" and p.status = ").append(bound.apply(status.name())));
        query.searchText().ifPresent(text -> {
            // one column holds the title and the feature's name (V26_1); the planner picks its trigram index for a rare
            // pattern and the (updated_at, id) walk for a common one. A text with no three letters or digits in a row has
            // no trigram to look up, and the index would be read whole: it is looked for in each row instead
            if (ProposalQuery.hasTrigram(text)) {
                keys.append(" and p.search_text like ").append(bound.apply(ProposalQuery.likePattern(text))).append(" escape '\\'");
            } else {
                keys.append(" and strpos(p.search_text, ").append(bound.apply(text)).append(") > 0");
            }
        });
        String older = query.oldestFirst() ? ">" : "<";
        query.cursor().ifPresent(cursor -> {
            // a row-value comparison, which walks the (updated_at, id) index from the cursor: a deep page costs page 1
            String at = bound.apply(java.time.OffsetDateTime.ofInstant(cursor.updatedAt(), java.time.ZoneOffset.UTC));
            keys.append(" and (p.updated_at, p.id) ").append(older).append(" (").append(at).append(", ")
                    .append(bound.apply(cursor.id())).append(")");
        });
        String direction = query.oldestFirst() ? "asc" : "desc";
        keys.append(" order by p.updated_at ").append(direction).append(", p.id ").append(direction)
                .append(" limit ").append(ProposalQuery.PAGE_SIZE + 1);
        List<Object[]> found;
        if (!searched) {
            found = rows("(" + keys + ") k join proposal p on p.id = k.id", "order by k.updated_at " + direction + ", k.id "
                    + direction, params);
        } else {
            // plain JDBC, as the rows are read (through Hibernate's native query, the page served 3-5 % fewer a second at 100x)
            List<Object[]> matched = plain.read(keys.toString(), params);
            List<Long> ids = matched.stream().map(k -> ((Number) k[0]).longValue()).toList();
            // padded, so that a search with few matches keeps the rows' plan too (KeptPlans)
            found = ids.isEmpty() ? List.of() : inOrder(ids, rows("proposal p", "where p.id = any(cast(?2 as bigint[]))",
                    List.of((Object) KeptPlans.padded(ids, new Long[0]))));
        }
        List<ProposalRow> rows = new ArrayList<>();
        List<Long> outdated = new ArrayList<>();
        for (Object[] r : found) {
            long id = ((Number) r[0]).longValue();
            Tier recommended = r[9] == null ? null : Tier.valueOf((String) r[9]);
            if (recommended == null && rows.size() < ProposalQuery.PAGE_SIZE) {
                outdated.add(id);
            }
            rows.add(new ProposalRow(id, (String) r[1], (String) r[2], (String) r[3], ProposalStatus.valueOf((String) r[4]),
                    r[5] == null ? null : ((Number) r[5]).longValue(), (BigDecimal) r[6], Rows.instant(r[7]),
                    r[8] == null ? null : Tier.valueOf((String) r[8]), recommended));
        }
        String next = null;
        if (rows.size() > ProposalQuery.PAGE_SIZE) {
            rows = rows.subList(0, ProposalQuery.PAGE_SIZE);
            next = ProposalQuery.cursorOf(rows.get(rows.size() - 1));
        }
        if (!outdated.isEmpty()) {
            Map<Long, Tier> costed = costing.recommendedToday(outdated);
            rows = rows.stream().map(row -> row.recommended() != null ? row : row.withRecommended(costed.get(row.id()))).toList();
        }
        return new ProposalPage(rows, next);
    }

    /**
     * The list's rows from {@code from} (which names the proposal {@code p}), then {@code tail} (a condition or an order):
     * each with its feature's name and its stored tier where {@link Estimates#fresh fresh}, and its team joined (as a
     * sub-select, PostgreSQL read the 200 teams of the 100x data whole for each row: a table of 4 pages costs less to scan
     * than to look up, by its estimates; joined, each is looked up by its key). Today is ?1, {@code params} follow.
     */
    private List<Object[]> rows(String from, String tail, List<Object> params) {
        // plain JDBC (Rows): through Hibernate's native query this read cost half as much again as the driver did
        List<Object> all = new ArrayList<>(params.size() + 1);
        all.add(costing.today());
        all.addAll(params);
        return plain.read("select p.id, p.title, (select f.name from feature f where f.id = p.feature_id), "
                + "t.name, p.status, p.requests_per_month, p.current_monthly_spend_usd, p.updated_at, p.decided_tier, "
                + "(select case when " + Estimates.fresh("e", "?1") + " then e.recommended_tier end from proposal_estimate e "
                + "where e.proposal_id = p.id) from " + from + " join team t on t.id = p.team_id " + tail, all);
    }

    /** {@code rows} in the order of {@code ids} (their first column). */
    private static List<Object[]> inOrder(List<Long> ids, List<Object[]> rows) {
        Map<Long, Object[]> byId = new HashMap<>();
        rows.forEach(r -> byId.put(((Number) r[0]).longValue(), r));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Open proposals of the team whose feature name is close to {@code featureName}. */
    @Transactional(TxType.SUPPORTS)
    public List<Proposal> similarOpen(long teamId, String featureName, Long exceptProposal) {
        List<Proposal> open = em.createQuery("from Proposal p join fetch p.feature where p.team.id = :team "
                + "and p.status not in :ended order by p.updatedAt desc", Proposal.class)
                .setParameter("team", teamId)
                .setParameter("ended", List.of(ProposalStatus.REJECTED, ProposalStatus.SUPERSEDED, ProposalStatus.WITHDRAWN))
                .getResultList();
        return open.stream().filter(p -> !Objects.equals(p.id, exceptProposal))
                .filter(p -> Similarity.close(p.feature.name, featureName)).toList();
    }

    // --- writing -----------------------------------------------------------------------------------

    /**
     * Creates a draft from step 1. When the feature's name is close to another open proposal of the team and
     * the user has not acknowledged it, nothing is saved and {@link PossibleDuplicateException} lists them.
     */
    @Transactional
    public Proposal create(SignedInUser me, ProposalForms.FeatureAndWorkload form) {
        if (!me.roles().contains(Role.PROPOSER)) {
            throw new ForbiddenException("Only proposers may file proposals.");
        }
        FormErrors errors = validate(form);
        Team team = Team.findById(me.teamId());
        Feature existing = existingFeature(form, team.id, errors);
        Tier tier = Choices.parse(errors, "currentTier", form.currentTier(), Tier.class);
        TaskShape shape = Choices.parse(errors, "taskShape", form.taskShape(), TaskShape.class);
        errors.throwIfAny();
        String featureName = existing != null ? existing.name : form.featureName().strip();
        if (!ProposalForms.checked(form.acknowledgeDuplicate())) {
            List<Proposal> similar = similarOpen(team.id, featureName, null);
            if (!similar.isEmpty()) {
                throw new PossibleDuplicateException(similar);
            }
        }
        UserAccount owner = UserAccount.findById(me.id());
        Instant now = clock.instant();
        Proposal proposal = new Proposal();
        proposal.team = team;
        proposal.owner = owner;
        proposal.createdAt = now;
        proposal.feature = existing != null ? existing : newFeature(team, owner, form, now);
        proposal.title = form.title().strip();
        proposal.workload = WorkloadStep.from(form, tier, shape);
        proposal.markSaved(Step.FEATURE_AND_WORKLOAD);
        proposal.updatedAt = now;
        proposal.persist();
        recordEditor(proposal, me);
        audit.event(AuditAction.PROPOSAL_CREATED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(team.id)
                .detail("title", proposal.title).detail("feature", proposal.feature.name)
                .detail("values", proposal.stepValues(Step.FEATURE_AND_WORKLOAD)).record();
        estimates.refresh(proposal.id);
        return proposal;
    }

    /** Saves one step of an editable proposal, if its input is valid and the user saw the current version. */
    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public Proposal save(long id, SignedInUser me, ProposalForms.StepForm form) {
        locks.one(id);
        Proposal proposal = editable(id, me);
        FormErrors errors = validate((Record) form);
        Map<String, Object> before = proposal.stepValues(form.step());
        Runnable write = switch (form.step()) {
            case FEATURE_AND_WORKLOAD -> workloadWriter(proposal, (ProposalForms.FeatureAndWorkload) form, me, errors);
            case SPEND -> () -> proposal.spend = SpendStep.from((ProposalForms.Spend) form);
            case MLOPS -> () -> proposal.mlOps = MlOpsStep.from((ProposalForms.MlOps) form);
            case HOSTED_OPEN_TRIED -> () -> proposal.hostedOpen = HostedOpenStep.from((ProposalForms.HostedOpenTried) form);
            case UPGRADE_PLAN -> () -> proposal.upgradePlan = UpgradePlanStep.from((ProposalForms.UpgradePlan) form);
            case QUALITY -> () -> proposal.quality = QualityStep.from((ProposalForms.Quality) form);
            case CONSTRAINTS -> () -> proposal.constraints = ConstraintsStep.from((ProposalForms.Constraints) form);
            case SUBMIT -> throw new NotFoundException("The summary has nothing to save.");
        };
        errors.throwIfAny();
        checkVersion(proposal, form.version());
        write.run();
        proposal.markSaved(form.step());
        proposal.updatedAt = clock.instant();
        recordEditor(proposal, me);
        Changes changes = new Changes();
        proposal.stepValues(form.step()).forEach((field, after) -> changes.field(field, before.get(field), after));
        audit.event(AuditAction.PROPOSAL_STEP_SAVED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                .detail("step", form.step().number()).detail("stepTitle", form.step().title()).changes(changes).record();
        estimates.refresh(proposal.id);
        return proposal;
    }

    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public Proposal submit(long id, SignedInUser me, String version) {
        locks.one(id);
        Proposal proposal = editable(id, me);
        checkVersion(proposal, version);
        List<Step> missing = missingSteps(proposal);
        if (!missing.isEmpty()) {
            throw new IncompleteProposalException(missing);
        }
        ProposalStatus from = proposal.status;
        proposal.moveTo(ProposalStatus.SUBMITTED);
        proposal.submittedAt = clock.instant();
        proposal.updatedAt = proposal.submittedAt;
        audit.event(AuditAction.PROPOSAL_SUBMITTED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                .detail("round", proposal.reviewRound).changes(new Changes().field("status", from, proposal.status)).record();
        workflow.fire(new WorkflowEvent(proposal, me.id(), WorkflowEvent.What.SUBMITTED, "round " + proposal.reviewRound,
                "submitted:" + proposal.id + ":" + proposal.reviewRound));
        return proposal;
    }

    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public Proposal withdraw(long id, SignedInUser me, ProposalForms.Withdraw form) {
        locks.one(id);
        Proposal proposal = visible(id, me);
        if (!isTeamProposer(me, proposal)) {
            throw new ForbiddenException("Only proposers of " + proposal.team.name + " may withdraw this proposal.");
        }
        if (!proposal.status.withdrawable()) {
            throw new ConflictException("A proposal that is " + proposal.status.label().toLowerCase(Locale.ROOT)
                    + " cannot be withdrawn.");
        }
        validate(form).throwIfAny();
        checkVersion(proposal, form.version());
        ProposalStatus from = proposal.status;
        proposal.moveTo(ProposalStatus.WITHDRAWN);
        proposal.withdrawnReason = form.reason().strip();
        proposal.updatedAt = clock.instant();
        audit.event(AuditAction.PROPOSAL_WITHDRAWN, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                .detail("reason", proposal.withdrawnReason)
                .changes(new Changes().field("status", from, proposal.status)).record();
        return proposal;
    }

    /**
     * Saves a what-if's assumption overrides (and its "as of" day) as the proposal's own. The volume is not an
     * assumption: it stays as the workload step says.
     */
    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public Proposal saveAssumptions(long id, SignedInUser me, WhatIf whatIf, String version) {
        locks.one(id);
        Proposal proposal = editable(id, me);
        whatIf.errors().throwIfAny();
        checkVersion(proposal, version);
        Map<String, Double> before = new LinkedHashMap<>(proposal.assumptions);
        LocalDate asOfBefore = proposal.costedAsOf;
        proposal.assumptions = new LinkedHashMap<>(whatIf.asStored());
        proposal.costedAsOf = whatIf.asOf();
        proposal.updatedAt = clock.instant();
        recordEditor(proposal, me);
        Changes changes = new Changes().field("costedAsOf", asOfBefore == null ? null : asOfBefore.toString(),
                proposal.costedAsOf == null ? null : proposal.costedAsOf.toString());
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(proposal.assumptions.keySet());
        keys.forEach(key -> changes.field(key, before.get(key), proposal.assumptions.get(key)));
        audit.event(AuditAction.PROPOSAL_ASSUMPTIONS_SAVED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                .changes(changes).record();
        estimates.refresh(proposal.id);
        return proposal;
    }

    /**
     * Replaces a decision due for review with a new draft pre-filled from it, linked both ways ("supersedes #12" /
     * "superseded by #31"). The original owner owns the draft; the caller moves the original to SUPERSEDED.
     */
    @Transactional(TxType.MANDATORY)
    public Proposal supersede(Proposal original, String actor) {
        Proposal copy = original.copyIntake();
        copy.createdAt = clock.instant();
        copy.updatedAt = copy.createdAt;
        copy.persist();
        original.supersededBy(copy);
        em.createNativeQuery("insert into proposal_editor (proposal_id, user_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, copy.id).setParameter(2, original.owner.id).executeUpdate();
        superseded.fire(new Superseded(original, copy));
        audit.event(AuditAction.PROPOSAL_CREATED, actor).on(AuditEntity.PROPOSAL, copy.id).team(copy.team.id).detail("title", copy.title)
                .detail("supersedes", original.id).detail("requestsPerMonth", copy.workload.requestsPerMonth).record();
        // the copy is costed with the eval runs carried over to it (the Superseded observers ran above)
        estimates.refresh(copy.id);
        return copy;
    }

    /** Marks a change made outside the steps (an eval run) on the proposal, without bumping its version, and re-costs it. */
    @Transactional(TxType.MANDATORY)
    public void touched(Proposal proposal, SignedInUser me) {
        em.createQuery("update Proposal p set p.updatedAt = :now where p.id = :id")
                .setParameter("now", clock.instant()).setParameter("id", proposal.id).executeUpdate();
        recordEditor(proposal, me);
        // what changed outside the steps (an eval run) changes what the proposal is costed on
        estimates.refresh(proposal.id);
    }

    /** Who saved this proposal last, for the "changed since you opened it" message. */
    @Transactional(TxType.SUPPORTS)
    public String lastEditor(long id) {
        return AuditEvent.<AuditEvent>find("entityType = ?1 and entityId = ?2 order by id desc", AuditEntity.PROPOSAL.key(), String.valueOf(id))
                .firstResultOptional().map(event -> event.actor).orElse("someone");
    }

    /** What a page says when someone else saved this proposal since the user opened it. */
    public String conflictMessage(long id) {
        return lastEditor(id) + " saved this proposal since you opened it. Your input is kept below: "
                + "check it against theirs (open the summary in another tab) and save again to replace it.";
    }

    // --- helpers -----------------------------------------------------------------------------------

    private FormErrors validate(Record form) {
        FormErrors errors = forms.validate(form);
        if (form instanceof ProposalForms.StepForm step) {
            step.check(errors);
        }
        return errors;
    }

    private static void checkVersion(Proposal proposal, String version) {
        if (version == null || !version.equals(String.valueOf(proposal.version))) {
            throw new StaleProposalException(proposal.id);
        }
    }

    private void recordEditor(Proposal proposal, SignedInUser me) {
        em.createNativeQuery("insert into proposal_editor (proposal_id, user_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, proposal.id).setParameter(2, me.id()).executeUpdate();
    }

    /** The existing team feature chosen in the form, or null when a new one is named. */
    private static Feature existingFeature(ProposalForms.FeatureAndWorkload form, long teamId, FormErrors errors) {
        String chosen = form.featureId();
        if (chosen != null && !chosen.isBlank() && !chosen.equals("new")) {
            Feature feature = null;
            try {
                feature = Feature.findById(Long.parseLong(chosen.trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (feature == null || feature.team.id != teamId) {
                errors.add("featureId", "Choose one of your team's features.");
                return null;
            }
            return feature;
        }
        if (!errors.has("featureName") && form.featureName() != null && !form.featureName().isBlank()) {
            return Feature.named(teamId, form.featureName());
        }
        return null;
    }

    private Feature newFeature(Team team, UserAccount creator, ProposalForms.FeatureAndWorkload form, Instant now) {
        Feature feature = new Feature();
        feature.team = team;
        feature.name = form.featureName().strip();
        feature.description = Numbers.isBlank(form.featureDescription()) ? null : form.featureDescription().strip();
        feature.createdBy = creator;
        feature.createdAt = now;
        feature.persist();
        audit.event(AuditAction.FEATURE_CREATED, creator.username).on(AuditEntity.FEATURE, feature.id).team(team.id)
                .detail("name", feature.name).record();
        return feature;
    }

    private Runnable workloadWriter(Proposal proposal, ProposalForms.FeatureAndWorkload form, SignedInUser me,
            FormErrors errors) {
        Feature existing = existingFeature(form, proposal.team.id, errors);
        Tier tier = Choices.parse(errors, "currentTier", form.currentTier(), Tier.class);
        TaskShape shape = Choices.parse(errors, "taskShape", form.taskShape(), TaskShape.class);
        return () -> {
            proposal.feature = existing != null ? existing
                    : newFeature(proposal.team, UserAccount.findById(me.id()), form, clock.instant());
            proposal.title = form.title().strip();
            proposal.workload = WorkloadStep.from(form, tier, shape);
        };
    }

    /** The user saw an older version of the proposal than the one stored. */
    public static class StaleProposalException extends RuntimeException {
        public StaleProposalException(long id) {
            super("Proposal #" + id + " changed since it was opened.");
        }
    }

    /** Creating a proposal whose feature looks like another open proposal's; the user may go on anyway. */
    public static class PossibleDuplicateException extends RuntimeException {
        private final transient List<Proposal> similar;

        PossibleDuplicateException(List<Proposal> similar) {
            super("Similar open proposals exist.");
            this.similar = similar;
        }

        public List<Proposal> similar() {
            return similar;
        }
    }

    /** Submitting before every step is answered. */
    public static class IncompleteProposalException extends RuntimeException {
        private final transient List<Step> missing;

        IncompleteProposalException(List<Step> missing) {
            super("Unanswered steps: " + missing);
            this.missing = missing;
        }

        public List<Step> missing() {
            return missing;
        }
    }
}
