package org.hostingreview.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.qute.RawString;

import org.hostingreview.costmodel.Tier;

/** Reading the audit trail: a proposal's timeline, and the global log filtered and paged by sequence (keyset). */
@ApplicationScoped
public class AuditLog {

    public static final int PAGE_SIZE = 50;
    public static final int EXPORT_LIMIT = 50_000;

    @Inject
    EntityManager em;

    @Inject
    People people;

    @Inject
    AuditTeams teams;

    /** One field's before → after. */
    public record Change(String field, String from, String to) {
    }

    /** An event as the pages list it. */
    public record Row(long seq, Instant at, String actor, String action, String entity, Long teamId, List<Change> changes,
            Map<String, Object> details, String hash) {

        /** The changes on one line, for the CSV export: {@code field: from -> to; …}. */
        public String changesText() {
            return changes.stream().map(c -> c.field() + ": " + c.from() + " -> " + c.to()).collect(java.util.stream.Collectors.joining("; "));
        }

        /** The details as one line, for the CSV export. */
        public String detailsText() {
            return String.valueOf(details);
        }

        /** The event as a sentence ("Rachel Kim approved #14 for Hosted open weights"); {@code who} names the actor. */
        public String sentence(String who) {
            String on = entity.startsWith("proposal ") ? "#" + entity.substring("proposal ".length()) : entity;
            return switch (action) {
                case "LOGIN_SUCCEEDED" -> who + " logged in";
                case "LOGIN_FAILED" -> "A sign-in as " + actor + " failed";
                case "LOGIN_THROTTLED" -> "Sign-in as " + actor + " was refused for a while after repeated failures";
                case "LOGOUT" -> who + " logged out";
                case "PASSWORD_CHANGED" -> who + " changed their password";
                case "PASSWORD_RESET" -> who + " set a one-time password for " + named("username", on);
                case "USER_CREATED" -> who + " created the account " + named("username", on);
                case "USER_UPDATED" -> who + " changed the account " + named("username", on);
                case "USER_DEACTIVATED" -> who + " deactivated the account " + named("username", on);
                case "USER_REACTIVATED" -> who + " reactivated the account " + named("username", on);
                case "TEAM_CREATED" -> who + " created the team " + named("name", on);
                case "FEATURE_CREATED" -> who + " created the feature “" + named("name", on) + "”";
                case "PROPOSAL_CREATED" -> who + " created " + on + titled();
                case "PROPOSAL_STEP_SAVED" -> who + " saved " + (details.get("step") != null ? "step " + details.get("step") + " of " : "") + on;
                case "PROPOSAL_SUBMITTED" -> who + " submitted " + on + " for review";
                case "PROPOSAL_WITHDRAWN" -> who + " withdrew " + on;
                case "PROPOSAL_ASSUMPTIONS_SAVED" -> who + " saved what-if assumptions on " + on;
                case "EVAL_ADDED" -> who + " added an eval run" + model() + " to " + on;
                case "EVAL_REMOVED" -> who + " removed an eval run" + model() + " from " + on;
                case "CATALOG_VALUE_ADDED" -> who + " added a catalog value (" + on + ")";
                case "REVIEW_RECORDED" -> who + " " + verdict(on);
                case "PROPOSAL_STATUS_CHANGED" -> on + " became " + changes.stream().filter(c -> c.field().equals("status"))
                        .map(c -> label(String.valueOf(c.to()))).findFirst().orElse("another status");
                case "AUDIT_CHECKPOINT" -> "The trail's head was signed (a checkpoint)";
                case "CHECKIN_RECORDED" -> who + " recorded a check-in of actuals on " + on;
                case "CHECKIN_REPLACED" -> who + " replaced a check-in on " + on;
                case "PROPOSAL_REOPENED" -> on + " came back for review";
                case "REVIEW_OVERDUE" -> on + "'s review became overdue";
                case "CALENDAR_TOKEN_CHANGED" -> who + " changed their calendar feed link";
                default -> who + " " + label(action) + (on.isEmpty() ? "" : " (" + on + ")");
            };
        }

        private String verdict(String on) {
            Object verdict = details.get("verdict");
            Object chosen = details.get("chosenTier");
            if ("APPROVE".equals(verdict)) {
                return "approved " + on + (chosen != null ? " for " + tier(chosen) : "")
                        + (details.get("approvals") != null ? " (" + details.get("approvals") + " approvals)" : "");
            }
            if ("REJECT".equals(verdict)) {
                return "rejected " + on;
            }
            if ("REQUEST_CHANGES".equals(verdict)) {
                return "requested changes to " + on;
            }
            return "recorded a review of " + on;
        }

        private String named(String key, String fallback) {
            Object value = details.get(key);
            return value == null ? fallback : String.valueOf(value);
        }

        private String titled() {
            Object title = details.get("title");
            return title == null ? "" : " “" + title + "”";
        }

        private String model() {
            Object model = details.get("model");
            return model == null ? "" : " of " + model;
        }

        private static String tier(Object name) {
            try {
                return Tier.valueOf(String.valueOf(name)).label();
            } catch (IllegalArgumentException e) {
                return String.valueOf(name);
            }
        }

        private static String label(String constant) {
            return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** The global log's filters as they arrive in the query string; {@code before} is the keyset cursor (a sequence). */
    public record Filter(String actor, String action, String team, String from, String to, String before) {

        String actorValue() {
            return actor == null || actor.isBlank() ? null : actor.strip();
        }

        String actionValue() {
            return action == null || action.isBlank() ? null : action.strip();
        }

        Long teamValue() {
            return parseLong(team);
        }

        Long beforeValue() {
            return parseLong(before);
        }

        Instant fromValue() {
            LocalDate d = parseDate(from);
            return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant toValue() {
            LocalDate d = parseDate(to);
            return d == null ? null : d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The same filters on the next (older) page. */
        public String query(Long nextBefore) {
            StringBuilder q = new StringBuilder();
            add(q, "actor", actor);
            add(q, "action", action);
            add(q, "team", team);
            add(q, "from", from);
            add(q, "to", to);
            add(q, "before", nextBefore == null ? null : nextBefore.toString());
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append(q.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        private static Long parseLong(String text) {
            try {
                return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static LocalDate parseDate(String text) {
            try {
                return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    /** A page of the log, newest first, and the cursor of the next page. */
    public record Page(List<Row> rows, Long nextBefore) {
    }

    /** A page of a proposal's timeline, oldest first, and the sequence the next (later) page starts after, or null. */
    public record TimelinePage(List<Row> rows, Long nextAfter) {
    }

    /**
     * One page of a proposal's timeline, oldest first, after the sequence {@code after} (null: from its first event):
     * keyset-paginated on the index of (entity_type, entity_id, seq), so a page costs the same however long it is.
     */
    @Transactional(TxType.SUPPORTS)
    public TimelinePage timeline(long proposalId, Long after) {
        TypedQuery<AuditEvent> query = em.createQuery("from AuditEvent e where e.entityType = :type and e.entityId = :id"
                + (after != null ? " and e.seq > :after" : "") + " order by e.seq limit " + (PAGE_SIZE + 1), AuditEvent.class)
                .setParameter("type", AuditEntity.PROPOSAL.key()).setParameter("id", String.valueOf(proposalId));
        if (after != null) {
            query.setParameter("after", after);
        }
        List<Row> rows = new ArrayList<>(query.getResultList().stream().map(AuditLog::row).toList());
        Long next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = rows.get(rows.size() - 1).seq();
        }
        people.know(rows.stream().map(Row::actor).toList());
        return new TimelinePage(rows, next);
    }

    /** The global log's page: a page of events and the options of its team filter (the one filtered on selected). */
    public record LogPage(Page page, RawString teamOptions) {
    }

    /**
     * The global log as its page shows it, in one transaction (one connection): one statement for the events (on the
     * index of the filter), one for the actors' display names, and the team filter's options as the account feature
     * keeps them (no statement while the teams have not changed), whatever the data.
     */
    @Transactional
    public LogPage logPage(Filter filter) {
        Page page = page(filter);
        people.know(page.rows().stream().map(Row::actor).toList());
        return new LogPage(page, teams.options(filter.teamValue()));
    }

    @Transactional(TxType.SUPPORTS)
    public Page page(Filter filter) {
        List<Row> rows = new ArrayList<>(query(filter, PAGE_SIZE + 1).stream().map(AuditLog::row).toList());
        Long next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = rows.get(rows.size() - 1).seq();
        }
        return new Page(rows, next);
    }

    @Transactional(TxType.SUPPORTS)
    public List<Row> export(Filter filter) {
        return query(filter, EXPORT_LIMIT).stream().map(AuditLog::row).toList();
    }

    private List<AuditEvent> query(Filter filter, int limit) {
        StringBuilder jpql = new StringBuilder("from AuditEvent e where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.actorValue() != null) {
            jpql.append(" and e.actor = :actor");
            params.put("actor", filter.actorValue());
        }
        if (filter.actionValue() != null) {
            jpql.append(" and e.action = :action");
            params.put("action", filter.actionValue());
        }
        if (filter.teamValue() != null) {
            jpql.append(" and e.teamId = :team");
            params.put("team", filter.teamValue());
        }
        if (filter.fromValue() != null) {
            jpql.append(" and e.occurredAt >= :from");
            params.put("from", filter.fromValue());
        }
        if (filter.toValue() != null) {
            jpql.append(" and e.occurredAt < :to");
            params.put("to", filter.toValue());
        }
        boolean filtered = !params.isEmpty();
        if (filter.beforeValue() != null) {
            jpql.append(" and e.seq < :before");
            params.put("before", filter.beforeValue());
        }
        // Unfiltered (the log, page by page), the limit is written into the statement: one plan fits every page (the walk
        // of seq from the cursor), and with the limit bound (setMaxResults) PostgreSQL planned it again on every page
        // (0.15 ms, as long as the statement ran; pg_stat_statements at 100x). Filtered, the limit stays bound, so that
        // each call is planned for the value filtered on: the one plan kept for a literal limit walked seq for a rare
        // action too, and read most of the 1M events at 100x (9 pages a second, p50 1.6 s, bench/run).
        jpql.append(" order by e.seq desc");
        if (!filtered) {
            jpql.append(" limit ").append(limit);
        }
        // read-only: the page's events are not dirty-checked (their details maps compared) when its transaction ends
        TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true);
        params.forEach(query::setParameter);
        if (filtered) {
            query.setMaxResults(limit);
        }
        return query.getResultList();
    }

    @SuppressWarnings("unchecked")
    static Row row(AuditEvent e) {
        List<Change> changes = new ArrayList<>();
        Object raw = e.details == null ? null : e.details.get("changes");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((field, pair) -> {
                if (pair instanceof Map<?, ?> p) {
                    changes.add(new Change(String.valueOf(field), text(p.get("from")), text(p.get("to"))));
                }
            });
        }
        Map<String, Object> details = e.details == null ? Map.of() : new java.util.LinkedHashMap<>(e.details);
        details.remove("changes");
        return new Row(e.seq == null ? 0 : e.seq, e.occurredAt, e.actor, e.action,
                e.entityType == null ? "" : e.entityType + (e.entityId == null ? "" : " " + e.entityId), e.teamId, changes, details,
                e.hash);
    }

    private static String text(Object value) {
        return value == null ? "—" : value.toString();
    }
}
