package org.hostingreview.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.system.Rows;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

/**
 * The dashboard's to-dos, from the workflow's state: for reviewers, the proposals they may review and the first
 * approvals waiting for a second; for proposers, their drafts, what awaits review and what came back.
 */
@ApplicationScoped
public class Todos {

    @Inject
    EntityManager em;

    @Inject
    Rows plain;

    @Inject
    Clock clock;

    /** One thing to do or to know. */
    public record Todo(long id, String title, String what, String href) {
    }

    /**
     * One list of to-dos: at most {@link #SHOWN}, how many there are in all (counted up to
     * {@link org.hostingreview.web.CappedList#SUMMARY_COUNTED}, "100+"), and where the whole list is.
     */
    public record TodoList(List<Todo> rows, long total, String all) implements org.hostingreview.web.CappedList<Todo> {

        @Override
        public int countedUpTo() {
            return SUMMARY_COUNTED;
        }
    }

    public record List4(TodoList toReview, TodoList secondApprovals, TodoList drafts, TodoList awaiting, TodoList cameBack) {

        public boolean empty() {
            return toReview.empty() && secondApprovals.empty() && drafts.empty() && awaiting.empty() && cameBack.empty();
        }
    }

    /** To-dos each list shows; the rest are on the list's own page. */
    public static final int SHOWN = 10;

    private enum Kind {
        SECOND("/reviews"), REVIEW("/reviews"), DRAFTS("/proposals?status=DRAFT"), AWAITING("/proposals?status=SUBMITTED"),
        CAME_BACK("/proposals");

        final String all;

        Kind(String all) {
            this.all = all;
        }
    }

    /**
     * The day a proposal started waiting for review, as the queue orders it: the key of the index of V18_2, so that a
     * list's first rows are read in its order instead of sorting everything waiting.
     */
    static final String WAITING_SINCE = "(case when p.status = 'REVIEW_DUE' and p.due_since is not null then p.due_since "
            + "else cast(timezone('UTC', p.submitted_at) as date) end)";

    /** The queue counts up to this many: "1,000+" says enough, and the count stays cheap however long the queue is. */
    public static final int COUNTED = org.hostingreview.web.CappedList.COUNTED;

    /**
     * Every list of the user's roles in one query: each list's first {@link #SHOWN} and its count. A reviewer's lists
     * hold what they may review ({@link ReviewBlock}'s rule, asked in SQL: not theirs, not edited by them, submitted after
     * they became a reviewer, not reviewed by them this round), with or without a first approval this round.
     */
    @Transactional(TxType.SUPPORTS)
    public List4 of(SignedInUser me) {
        List<String> branches = new ArrayList<>();
        if (me.roles().contains(Role.REVIEWER)) {
            String mayReview = "p.status in ('SUBMITTED', 'REVIEW_DUE') and p.owner_id <> :me "
                    + "and not exists (select 1 from proposal_editor e where e.user_id = :me and e.proposal_id = p.id) "
                    + "and not coalesce((select max(g.granted_at) from role_grant g where g.user_id = :me and g.role = 'REVIEWER') "
                    + "> p.submitted_at, false) "
                    + "and not exists (select 1 from review r where r.proposal_id = p.id and r.round = p.review_round and r.reviewer_id = :me)";
            // the approvals of this round as the database keeps them (V22_1): the few with one are an index of their own
            branches.add(branch(Kind.SECOND, mayReview + " and p.round_approvals > 0", WAITING_SINCE + " nulls last, p.id"));
            branches.add(branch(Kind.REVIEW, mayReview + " and p.round_approvals = 0", WAITING_SINCE + " nulls last, p.id"));
        }
        if (me.roles().contains(Role.PROPOSER)) {
            branches.add(branch(Kind.DRAFTS, "p.owner_id = :me and p.status = 'DRAFT'", "p.updated_at desc, p.id desc"));
            branches.add(branch(Kind.AWAITING, "p.owner_id = :me and p.status in ('SUBMITTED', 'REVIEW_DUE')", "p.updated_at desc, p.id desc"));
            // decided in the last 30 days (720 hours, as Instant.minus(30, DAYS)), written as an expression: PostgreSQL keeps
            // no statistics on it, so the plan for a given moment is costed as the plan for any moment, and after five
            // calls it keeps one plan. Compared with the column itself, it planned the statement again on every call,
            // 1.8 ms of planning against 0.25 ms of execution for a proposer's dashboard at 100x (EXPLAIN at 100x)
            branches.add(branch(Kind.CAME_BACK, "p.owner_id = :me and (p.status = 'CHANGES_REQUESTED' or p.status in ('APPROVED', "
                    + "'REJECTED') and p.updated_at + interval '720 hours' > :now)", "p.updated_at desc, p.id desc"));
        }
        java.util.Map<Kind, List<Todo>> rows = new java.util.EnumMap<>(Kind.class);
        java.util.Map<Kind, Long> totals = new java.util.EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            rows.put(kind, new ArrayList<>());
            totals.put(kind, 0L);
        }
        if (!branches.isEmpty()) {
            // the approvals and the last review's words only for the rows shown
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            values.put("me", me.id());
            if (me.roles().contains(Role.PROPOSER)) {
                values.put("now", clock.instant());
            }
            LocalDate today = LocalDate.now(clock);
            // plain JDBC (Rows), as the proposals list reads its rows; a new list, as it is sorted below
            List<Object[]> result = new ArrayList<>(plain.read("select x.list, x.id, x.title, x.team, x.status, x.day, x.steps_saved, "
                    + "x.decided_tier, x.total, x.approvals, lr.display_name, lr.rationale, x.updated from ("
                    + String.join(" union all ", branches) + ") x left join lateral (select u.display_name, r.rationale from review r "
                    + "join app_user u on u.id = r.reviewer_id where x.list = 'CAME_BACK' and r.proposal_id = x.id order by r.id desc "
                    + "limit 1) lr on true", values));
            // each list in its own order: the longest waiting first, else the latest change first
            result.sort(Todos::inListOrder);
            for (Object[] r : result) {
                Kind kind = Kind.valueOf((String) r[0]);
                rows.get(kind).add(todo(kind, r, today));
                totals.put(kind, ((Number) r[8]).longValue());
            }
        }
        java.util.function.Function<Kind, TodoList> list = kind -> new TodoList(rows.get(kind), totals.get(kind), kind.all);
        return new List4(list.apply(Kind.REVIEW), list.apply(Kind.SECOND), list.apply(Kind.DRAFTS), list.apply(Kind.AWAITING),
                list.apply(Kind.CAME_BACK));
    }

    /**
     * A list's first rows in its order, and its count up to {@link org.hostingreview.web.CappedList#SUMMARY_COUNTED} (one
     * more says there are more).
     */
    private static String branch(Kind kind, String where, String order) {
        boolean waiting = kind == Kind.SECOND || kind == Kind.REVIEW;
        String alias = kind.name().toLowerCase(java.util.Locale.ROOT);
        return "(select '" + kind.name() + "' as list, p.id, p.title, t.name as team, p.status, "
                + (waiting ? WAITING_SINCE : "cast(null as date)") + " as day, p.steps_saved, p.decided_tier, (select count(*) from "
                + "(select 1 from proposal p where " + where + " limit " + (org.hostingreview.web.CappedList.SUMMARY_COUNTED + 1) + ") " + alias + "_counted) as total, "
                + "p.updated_at as updated, p.round_approvals as approvals from proposal p join team t on t.id = p.team_id where " + where
                + " order by " + order + " limit " + SHOWN + ")";
    }

    private static Todo todo(Kind kind, Object[] r, LocalDate today) {
        long id = ((Number) r[1]).longValue();
        String title = (String) r[2];
        String team = (String) r[3];
        ProposalStatus status = ProposalStatus.valueOf((String) r[4]);
        return switch (kind) {
            // a waiting proposal with an approval this round needs two: one that sufficed would have decided it
            case SECOND -> new Todo(id, title, String.format("%s · %d of %d approvals: a second reviewer must approve", team,
                    ((Number) r[9]).intValue(), 2), "/proposals/" + id + "#review");
            case REVIEW -> new Todo(id, title, team + " · " + (status == ProposalStatus.REVIEW_DUE ? "due for re-review" : "submitted")
                    + ", waiting " + Text.count(Math.max(0, (r[5] == null ? 0 : ChronoUnit.DAYS.between(day(r[5]), today))), "day"),
                    "/proposals/" + id + "#review");
            case DRAFTS -> new Todo(id, title, "draft · " + missing(((Number) r[6]).intValue()), "/proposals/" + id);
            case AWAITING -> new Todo(id, title, status == ProposalStatus.REVIEW_DUE ? "back for review" : "submitted, awaiting review",
                    "/proposals/" + id + "#review");
            case CAME_BACK -> new Todo(id, title, (status == ProposalStatus.CHANGES_REQUESTED ? "changes requested"
                    : status.label().toLowerCase(java.util.Locale.ROOT) + (r[7] != null && status == ProposalStatus.APPROVED
                            ? " for " + Tier.valueOf((String) r[7]).label() : "")) + ": " + rationale((String) r[10], (String) r[11]),
                    "/proposals/" + id);
        };
    }

    private static int inListOrder(Object[] a, Object[] b) {
        int c = ((String) a[0]).compareTo((String) b[0]);
        if (c == 0 && a[5] != null && b[5] != null) {
            c = day(a[5]).compareTo(day(b[5]));
        }
        if (c == 0 && a[5] == null && a[12] != null && b[12] != null) {
            c = Rows.instant(b[12]).compareTo(Rows.instant(a[12]));
        }
        return c != 0 ? c : Long.compare(((Number) a[1]).longValue(), ((Number) b[1]).longValue());
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static String missing(int stepsSaved) {
        int n = ProposalService.missingSteps(stepsSaved).size();
        return n == 0 ? "ready to submit" : n + (n == 1 ? " step" : " steps") + " to answer";
    }

    private static String rationale(String reviewer, String rationale) {
        if (reviewer == null) {
            return "";
        }
        String text = reviewer + ": " + rationale;
        return text.length() > 160 ? text.substring(0, 159) + "…" : text;
    }
}
