package org.hostingreview.revisit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.proposal.Trigger;
import org.hostingreview.recommendation.FiredRule;
import org.hostingreview.review.DecisionSnapshot;
import org.hostingreview.review.Review;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.system.Rows;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

/** What the revisit pages show: the dashboard's due decisions, and "what changed since approval". */
@ApplicationScoped
public class RevisitViews {

    @Inject
    EntityManager em;

    @Inject
    Rows plain;

    @Inject
    CostingService costing;

    @Inject
    RevisitService revisits;

    @Inject
    CheckinObservations observations;

    @Inject
    Forecasts forecaster;

    @Inject
    HostingReviewConfig config;

    @Inject
    Clock clock;

    /** A decision on the dashboard. */
    public record DueRow(long id, String title, String team, ProposalStatus status, LocalDate date, long days,
            List<ReopenReason> reasons, boolean reopened) {

        /** {@code reopened}: re-opened by a check-in or a price, rather than by its review date alone (found once per row). */
        public DueRow(long id, String title, String team, ProposalStatus status, LocalDate date, long days, List<ReopenReason> reasons) {
            this(id, title, team, status, date, days, reasons, reasons.stream().anyMatch(r -> r.trigger() != Trigger.SCHEDULED));
        }
    }

    /** A decision whose volume trend crosses one of its thresholds. */
    public record ForecastRow(long id, String title, String team, Forecast forecast) {
    }

    /**
     * One of the dashboard's lists of decisions: at most {@link #SHOWN} rows, and how many there are in all, counted up to
     * one more than {@link org.hostingreview.web.CappedList#SUMMARY_COUNTED} (shown "100+"; the list's own page counts to
     * "1,000+").
     */
    public record DueList(List<DueRow> rows, long total) implements org.hostingreview.web.CappedList<DueRow> {

        @Override
        public int countedUpTo() {
            return SUMMARY_COUNTED;
        }
    }

    /** The dashboard's four lists, and the forecasts that project a crossing. */
    public record Dashboard(DueList dueSoon, DueList dueNow, DueList overdue, DueList reopened, List<ForecastRow> forecasts) {

        public boolean empty() {
            return dueSoon.empty() && dueNow.empty() && overdue.empty() && reopened.empty();
        }
    }

    /** Rows each of the dashboard's lists shows; the rest are on the list's own page. */
    public static final int SHOWN = 10;

    /** Rows per page of a list's own page. */
    public static final int LIST_PAGE = 50;

    /** Decisions with enough check-ins for a forecast the dashboard projects at most (the most recently checked in). */
    static final int FORECAST_CANDIDATES = 5;

    /**
     * The decided proposals with enough check-ins for a forecast, from what the database keeps of each one's check-ins
     * (V24_1: their number and the newest one's id, maintained with each check-in), in the order and under the predicate
     * of its partial indexes word for word, so that the newest few are an index read whatever the data. The minimum is
     * written into the text (not bound) for the planner to match the indexes' predicate.
     */
    static final String FORECAST_CANDIDATES_SQL = "select p.id, p.title, t.name, p.version, p.checkin_count, p.last_checkin_id "
            + "from proposal p join team t on t.id = p.team_id where p.status in ('APPROVED', 'REVIEW_DUE') and p.checkin_count >= "
            + Forecast.MIN_POINTS;

    /** The dashboard's lists of decisions, by the names their pages and sections use. */
    public enum Due {
        OVERDUE("overdue", "Overdue"), DUE_NOW("due-now", "Due now"), REOPENED("reopened", "Recently re-opened"),
        DUE_SOON("due-soon", "Due in the next 30 days");

        private final String key;
        private final String label;

        Due(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public static java.util.Optional<Due> byKey(String key) {
            return java.util.Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
        }
    }

    /** Approved decisions and decisions due for review in the user's scope, by review date. */
    @Transactional(TxType.SUPPORTS)
    public List<Proposal> decisionsInScope(SignedInUser me) {
        boolean seesAll = me.seesAllTeams();
        var query = em.createQuery("from Proposal p join fetch p.team join fetch p.feature where p.status in :statuses"
                + (seesAll ? "" : " and p.team.id = :team") + " order by p.nextReviewOn, p.dueSince, p.id", Proposal.class)
                .setParameter("statuses", List.of(ProposalStatus.APPROVED, ProposalStatus.REVIEW_DUE));
        if (!seesAll) {
            query.setParameter("team", me.teamId());
        }
        return query.getResultList();
    }

    /**
     * The dashboard: each list's first {@link #SHOWN} decisions and its count, in one query (each list by its own index:
     * review-due decisions by the day they became due, approved ones by their review date), and the forecasts of the
     * few decisions most recently checked in.
     */
    @Transactional(TxType.SUPPORTS)
    public Dashboard dashboard(SignedInUser me) {
        Long team = me.seesAllTeams() ? null : me.teamId();
        // each list's first rows in its index order, and its count up to 101 (an index-only scan), in one statement
        StringBuilder sql = new StringBuilder();
        for (Due due : Due.values()) {
            if (sql.length() > 0) {
                sql.append(" union all ");
            }
            String where = where(due) + (team != null ? " and p.team_id = :team" : "");
            sql.append("(select '").append(due.name()).append("', p.id, p.title, t.name, p.status, ").append(day(due))
                    .append(", cast(p.due_reasons as text), ")
                    .append(count(due, team != null ? " and p.team_id = :team" : "", org.hostingreview.web.CappedList.SUMMARY_COUNTED))
                    .append(" from proposal p join team t on t.id = p.team_id where ").append(where).append(" order by ")
                    .append(order(due)).append(" limit ").append(SHOWN).append(")");
        }
        java.util.Map<Due, List<DueRow>> rows = new java.util.EnumMap<>(Due.class);
        java.util.Map<Due, Long> totals = new java.util.EnumMap<>(Due.class);
        for (Due due : Due.values()) {
            rows.put(due, new ArrayList<>());
            totals.put(due, 0L);
        }
        // plain JDBC (Rows), as the proposals list reads its rows
        List<Object[]> result = plain.read(sql.toString(), values(sql.toString(), team));
        for (Object[] r : result) {
            Due due = Due.valueOf((String) r[0]);
            rows.get(due).add(dueRow(due, r));
            totals.put(due, ((Number) r[7]).longValue());
        }
        rows.values().forEach(list -> list.sort(java.util.Comparator.comparing(DueRow::date).thenComparingLong(DueRow::id)));
        java.util.function.Function<Due, DueList> list = due -> new DueList(rows.get(due), totals.get(due));
        return new Dashboard(list.apply(Due.DUE_SOON), list.apply(Due.DUE_NOW), list.apply(Due.OVERDUE), list.apply(Due.REOPENED),
                forecasts(me));
    }

    /** The dashboard page: the decisions coming back and the user's to-dos. */
    public record Home(Dashboard due, org.hostingreview.review.Todos.List4 todos) {
    }

    @Inject
    org.hostingreview.review.Todos todos;

    /**
     * The whole dashboard: three statements whatever the data (the lists, the forecasts' candidates, the to-dos), read
     * outside a transaction, as the proposals list is: a transaction kept them on one connection, but with connections
     * checked only after half a second idle a borrow costs no round trip, and the BEGIN, the COMMIT and Narayana's
     * commit did.
     */
    @Transactional(TxType.SUPPORTS)
    public Home home(SignedInUser me) {
        return new Home(dashboard(me), todos.of(me));
    }

    /**
     * A page of one of the dashboard's lists, the list's count (up to {@link org.hostingreview.web.CappedList#COUNTED},
     * then "1,000+", where the dashboard says "100+"), and the cursor ({@code day_id}) of the next page, or
     * null. Counted in full, the overdue list's count was 5 of the page's 5.3 ms at 100x (pg_stat_statements).
     */
    public record DuePage(Due due, List<DueRow> rows, long total, String next) implements org.hostingreview.web.CappedList<DueRow> {
    }

    /** One page of a dashboard list, keyset-paginated after {@code after} ({@code yyyy-mm-dd_id}), optionally one team's. */
    @Transactional(TxType.SUPPORTS)
    public DuePage duePage(SignedInUser me, Due due, Long teamFilter, String after) {
        Long team = me.seesAllTeams() ? teamFilter : Long.valueOf(me.teamId());
        String[] cursor = after != null && after.matches("\\d{4}-\\d{2}-\\d{2}_\\d{1,18}") ? after.split("_") : null;
        LocalDate atDay = null;
        try {
            atDay = cursor == null ? null : LocalDate.parse(cursor[0]);
        } catch (java.time.format.DateTimeParseException e) {
            cursor = null;
        }
        String from = " from proposal p join team t on t.id = p.team_id where " + where(due) + (team != null ? " and p.team_id = :team" : "");
        String sql = "select '" + due.name() + "', p.id, p.title, t.name, p.status, " + day(due)
                + " as day, cast(p.due_reasons as text), "
                + count(due, team != null ? " and p.team_id = :team" : "", org.hostingreview.web.CappedList.COUNTED) + ", "
                + key(due) + from
                + (cursor != null ? " and (" + key(due) + ", p.id) > (cast(:atDay as date), :atId)" : "") + " order by " + order(due)
                + " limit " + (LIST_PAGE + 1);
        var query = em.createNativeQuery(sql);
        bind(query, sql, team);
        if (cursor != null) {
            query.setParameter("atDay", atDay).setParameter("atId", Long.parseLong(cursor[1]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = query.getResultList();
        List<DueRow> rows = new ArrayList<>();
        long total = 0;
        String next = null;
        for (Object[] r : result) {
            if (rows.size() == LIST_PAGE) {
                Object[] last = result.get(LIST_PAGE - 1);
                next = last[8] + "_" + ((Number) last[1]).longValue();
                break;
            }
            rows.add(dueRow(due, r));
            total = ((Number) r[7]).longValue();
        }
        return new DuePage(due, rows, total, next);
    }

    /** The day a list shows: the day a decision became due (today when unknown), or its review date. */
    private static String day(Due due) {
        return due == Due.DUE_SOON ? "p.next_review_on" : "coalesce(p.due_since, cast(:today as date))";
    }

    /**
     * A list's sort key, as its index (V18_2) has it: the day a decision became due, a day unknown counting after every
     * other (as due today); an approved decision's review date.
     */
    private static String key(Due due) {
        return due == Due.DUE_SOON ? "p.next_review_on" : "coalesce(p.due_since, date '9999-12-31')";
    }

    private static String order(Due due) {
        return key(due) + ", p.id";
    }

    /** Re-opened by a check-in or a price, rather than by its review date alone (the partial index of V18_2 says the same). */
    static final String REOPENED_BY_MORE_THAN_ITS_DATE = "jsonb_path_exists(p.due_reasons, '$[*] ? (@.trigger != \"SCHEDULED\")')";

    private static String where(Due due) {
        return switch (due) {
            case OVERDUE -> "p.status = 'REVIEW_DUE' and " + key(due) + " <= cast(:overdueFrom as date)";
            case DUE_NOW -> "p.status = 'REVIEW_DUE' and " + key(due) + " > cast(:overdueFrom as date)";
            // in the last 30 days
            case REOPENED -> "p.status = 'REVIEW_DUE' and " + REOPENED_BY_MORE_THAN_ITS_DATE + " and " + key(due)
                    + " >= cast(:recentFrom as date)";
            case DUE_SOON -> "p.status = 'APPROVED' and p.next_review_on <= cast(:soonUntil as date)";
        };
    }

    /**
     * A list's count up to {@code countedUpTo} + 1 ({@link org.hostingreview.web.CappedList#SUMMARY_COUNTED} on the dashboard,
     * {@link org.hostingreview.web.CappedList#COUNTED} on the list's page), each part a range of an index on the
     * column itself, so that it is an index-only scan that starts where the list does: a list's sort key (an
     * expression of {@code due_since}, a day unknown last) is no range of those indexes, and the count of the decisions
     * due now read past every overdue one first (5,001 at 100x). The same decisions as {@link #where}: a day unknown is
     * after every day, so it is in "due now" and "recently re-opened" and never overdue.
     */
    private static String count(Due due, String team, int countedUpTo) {
        int counted = countedUpTo + 1;
        java.util.function.Function<String, String> upTo = where -> "(select count(*) from (select 1 from proposal p where " + where
                + team + " limit " + counted + ") c)";
        return switch (due) {
            case OVERDUE -> upTo.apply("p.status = 'REVIEW_DUE' and p.due_since <= cast(:overdueFrom as date)");
            case DUE_NOW -> "least(" + counted + ", " + upTo.apply("p.status = 'REVIEW_DUE' and p.due_since > cast(:overdueFrom as date)")
                    + " + " + upTo.apply("p.status = 'REVIEW_DUE' and p.due_since is null") + ")";
            case REOPENED -> "least(" + counted + ", " + upTo.apply("p.status = 'REVIEW_DUE' and " + REOPENED_BY_MORE_THAN_ITS_DATE
                    + " and p.due_since >= cast(:recentFrom as date)") + " + " + upTo.apply("p.status = 'REVIEW_DUE' and "
                            + REOPENED_BY_MORE_THAN_ITS_DATE + " and p.due_since is null") + ")";
            case DUE_SOON -> upTo.apply(where(due));
        };
    }

    /** Binds the parameters the lists' SQL uses (a page of one list uses some of them). */
    private void bind(jakarta.persistence.Query query, String sql, Long team) {
        values(sql, team).forEach(query::setParameter);
    }

    /** The values of the parameters the lists' SQL uses, by name. */
    private java.util.Map<String, Object> values(String sql, Long team) {
        LocalDate today = LocalDate.now(clock);
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        java.util.Map.of("today", today, "overdueFrom", today.minusDays(config.revisit().overdueDays()), "recentFrom",
                today.minusDays(30), "soonUntil", today.plusDays(30)).forEach((name, value) -> {
                    if (sql.contains(":" + name)) {
                        values.put(name, value);
                    }
                });
        if (team != null) {
            values.put("team", team);
        }
        return values;
    }

    private DueRow dueRow(Due due, Object[] r) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = r[5] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[5];
        long days = due == Due.DUE_SOON ? ChronoUnit.DAYS.between(today, day) : ChronoUnit.DAYS.between(day, today);
        return new DueRow(((Number) r[1]).longValue(), (String) r[2], (String) r[3], ProposalStatus.valueOf((String) r[4]), day, days,
                reasons((String) r[6]));
    }

    private List<ReopenReason> reasons(String json) {
        if (json == null) {
            return List.of();
        }
        // most decisions were re-opened for the same few reasons: each text is read once (the reasons are immutable)
        List<ReopenReason> known = REASONS.get(json);
        if (known != null) {
            return known;
        }
        try {
            List<ReopenReason> read = List.of(json_.readValue(json, ReopenReason[].class));
            if (REASONS.size() >= CACHED_REASONS) {
                REASONS.clear();
            }
            REASONS.put(json, read);
            return read;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable due reasons: " + json, e);
        }
    }

    /** Due reasons' texts already read, at most {@value #CACHED_REASONS} (emptied when full). */
    private static final int CACHED_REASONS = 1024;
    private static final java.util.Map<String, List<ReopenReason>> REASONS = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json_;

    /**
     * The forecasts that project a crossing, among the few decisions in scope with enough check-ins that were checked in
     * most recently. A forecast is computed once per decision, check-ins and day (see {@link Forecasts#cached}).
     */
    private List<ForecastRow> forecasts(SignedInUser me) {
        boolean seesAll = me.seesAllTeams();
        List<ForecastRow> forecasts = new ArrayList<>();
        List<Object[]> found = plain.read(FORECAST_CANDIDATES_SQL + (seesAll ? "" : " and p.team_id = :team")
                + " order by p.last_checkin_id desc limit " + FORECAST_CANDIDATES,
                seesAll ? java.util.Map.of() : java.util.Map.of("team", me.teamId()));
        for (Object[] c : found) {
            long id = ((Number) c[0]).longValue();
            Forecast f = forecaster.cached(id, ((Number) c[3]).longValue(), ((Number) c[4]).longValue(), ((Number) c[5]).longValue());
            if (f != null && f.projected()) {
                forecasts.add(new ForecastRow(id, (String) c[1], (String) c[2], f));
            }
        }
        return forecasts;
    }

    /** One figure then and now. */
    public record Delta(String label, String then, String now, String change, boolean changed) {
    }

    /** A check-in reported after the one the page compares with. */
    public record LaterCheckin(long id, String period, long requestsPerMonth, String spend, String spendTier, List<ReopenReason> reasons) {
    }

    /** "What changed since approval": the frozen decision beside today's figures. */
    public record Changes(long proposalId, String title, ProposalStatus status, String decidedTier, String decidedOn, String basis,
            List<Delta> workload, List<Delta> costs, List<Delta> prices, List<String> rulesAdded, List<String> rulesRemoved,
            List<String> rulesKept, String recommendedThen, String recommendedNow, List<ReopenReason> dueReasons,
            String decisionStatus, String decidedOnBasis, List<LaterCheckin> later) {
    }

    @Transactional(TxType.SUPPORTS)
    public Changes changes(Proposal proposal, Review decision, String decisionStatus) {
        List<EvalResult> runs = EvalResult.ofProposal(proposal.id);
        CatalogSnapshot catalog = costing.snapshot(costing.today());
        DecisionSnapshot snapshot = decision.snapshot;
        Checkin compared = observations.reopeningCheckin(proposal.id, decision);
        Costing now;
        Costing rulesNow;
        String basis;
        Tier decided = decision.chosenTier;
        List<Delta> workload = new ArrayList<>();
        workload.add(delta("Requests per month", snapshot.requestsPerMonth(),
                compared != null ? compared.requestsPerMonth() : proposal.workload.requestsPerMonth == null ? 0 : proposal.workload.requestsPerMonth,
                false, 0.0));
        if (compared != null) {
            RevisitService.Evaluation evaluation = revisits.evaluate(proposal, decision, compared.actuals());
            now = evaluation.now();
            rulesNow = evaluation.rulesNow();
            basis = (compared.reopened ? "the check-in that re-opened it (" : "the latest check-in (") + compared.periodLabel() + ", "
                    + compared.periodStart + " to " + compared.periodEnd + ") and today's catalog";
            // Like with like: the actual spend on its tier against what the decision put on that tier.
            Tier spendTier = compared.spendTier;
            DecisionSnapshot.DecidedAnswers answers = snapshot.answers();
            boolean sameTier = answers != null && answers.spendTier() == spendTier && answers.monthlySpendUsd() != null;
            double then = sameTier ? answers.monthlySpendUsd() : snapshot.monthlyCost(spendTier);
            workload.add(delta("Spend per month on " + spendTier.label() + (sameTier ? "" : " (then: the decision's estimate)"),
                    then, compared.spendPerMonth(), true, config.revisit().costMoveShare()));
            if (!sameTier && answers != null && answers.monthlySpendUsd() != null && answers.spendTier() != null) {
                workload.add(new Delta("Spend per month on " + answers.spendTier().label() + " (before the decision)",
                        Text.usd(answers.monthlySpendUsd()), "—", "not compared: another tier", false));
            }
        } else {
            now = costing.cost(proposal, runs, catalog);
            rulesNow = now;
            basis = "the proposal as filed and today's catalog";
            Double spendNow = now.inputs().answers().currentMonthlySpendUsd();
            Double spendThen = snapshot.monthlySpendUsd();
            Tier tierThen = snapshot.answers() == null ? null : snapshot.answers().spendTier();
            if (tierThen == now.inputs().answers().incumbentTier()) {
                workload.add(delta("Spend per month on " + tierThen.label(), spendThen == null ? 0 : spendThen,
                        spendNow == null ? 0 : spendNow, true, 0.0));
            }
        }
        List<Delta> costs = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            costs.add(delta(tier.label(), snapshot.monthlyCost(tier), now.recommendation().tier(tier).monthlyCost(), true,
                    config.revisit().costMoveShare()));
        }
        List<Delta> prices = new ArrayList<>();
        for (DecisionSnapshot.CatalogValueUsed value : snapshot.catalog()) {
            Param param = Param.byKey(value.key()).orElse(null);
            if (param == null || param.group() != Param.Group.PRICE && param.group() != Param.Group.CAPACITY
                    && param.group() != Param.Group.STAFFING) {
                continue;
            }
            double then = value.value();
            double current = now.assumptions().get(param);
            if (then != current) {
                prices.add(delta(param.label() + (value.describes() == null ? "" : " (" + value.describes() + ")"), then, current,
                        false, config.revisit().priceMoveShare()));
            }
        }
        // The same comparison the re-open reasons make: the rules that fired at the decision, and now like with like.
        Set<String> rulesThen = new LinkedHashSet<>(snapshot.ruleIds().stream().map(Enum::name).toList());
        Set<String> rulesNowIds = new LinkedHashSet<>(rulesNow.recommendation().rules().stream().map(FiredRule::id).map(Enum::name)
                .toList());
        List<String> added = rulesNowIds.stream().filter(r -> !rulesThen.contains(r)).toList();
        List<String> removed = rulesThen.stream().filter(r -> !rulesNowIds.contains(r)).toList();
        List<String> kept = rulesThen.stream().filter(rulesNowIds::contains).toList();
        List<LaterCheckin> later = new ArrayList<>();
        if (compared != null) {
            for (Checkin c : Checkin.ofProposal(proposal.id)) {
                if (!c.id.equals(compared.id) && c.createdAt.isAfter(compared.createdAt) || !c.id.equals(compared.id)
                        && c.periodEnd.isAfter(compared.periodEnd)) {
                    later.add(new LaterCheckin(c.id, c.periodLabel(), c.requestsPerMonth(), Text.usd(c.spendPerMonth()),
                            c.spendTier.label(), c.reasons));
                }
            }
        }
        String decidedOnBasis = snapshot.basis() != null && snapshot.basis().observed()
                ? String.format("reaffirmed at %s requests/month (observed %s)", Text.number(snapshot.requestsPerMonth()),
                        snapshot.basis().periodLabel())
                : String.format("decided at %s requests/month (as filed)", Text.number(snapshot.requestsPerMonth()));
        return new Changes(proposal.id, proposal.title, proposal.status, decided.label(),
                decision.createdAt.toString().substring(0, 10), basis, workload, costs, prices, added, removed, kept,
                snapshot.recommendedTier().label(), now.recommendation().recommended().label(), proposal.dueReasons, decisionStatus,
                decidedOnBasis, later);
    }

    private static Delta delta(String label, double then, double now, boolean money, double threshold) {
        String a = money ? Text.usd(then) : Text.number(Math.round(then * 10000) / 10000.0);
        String b = money ? Text.usd(now) : Text.number(Math.round(now * 10000) / 10000.0);
        if (then == 0) {
            return new Delta(label, a, b, now == 0 ? "—" : "new", now != 0);
        }
        double share = (now - then) / then;
        return new Delta(label, a, b, String.format("%+.0f%%", 100 * share), Math.abs(share) > threshold && share != 0);
    }
}
