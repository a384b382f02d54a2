package org.hostingreview.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The single way to write the audit trail. It joins the caller's transaction (and refuses to run
 * without one), so a state change and its audit event commit together or not at all.
 */
@ApplicationScoped
public class AuditService {

    /** Actor name for events with no signed-in user (failed logins). */
    public static final String ANONYMOUS = "anonymous";
    /** Actor name for events caused by the application itself (start-up, scheduled jobs). */
    public static final String SYSTEM = "system";

    @Inject
    Clock clock;

    @Inject
    org.hostingreview.system.Rows rows;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** Starts an event; finish it with {@link Entry#record()}. */
    public Entry event(AuditAction action, String actor) {
        return new Entry(action, actor);
    }

    @Transactional(TxType.MANDATORY)
    AuditEvent persist(Entry entry) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.actor = entry.actor;
        event.action = entry.action.name();
        event.entityType = entry.entityType;
        event.entityId = entry.entityId;
        event.teamId = entry.teamId;
        event.details = entry.details;
        event.persist();
        return event;
    }

    /**
     * Records the entries in one statement, in their order, for a batch of background work (the sweep's): one round trip
     * instead of one per event. The chain's trigger numbers and hashes each row as it does a single insert (a row-level
     * trigger sees the rows the same statement inserted before it). The details are written by the app's JSON mapper:
     * for strings, numbers, enums, lists and maps (what the sweep records) the same jsonb as {@link Entry#record()} stores.
     */
    @Transactional(TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] at = new String[n];
        String[] actors = new String[n];
        String[] actions = new String[n];
        String[] types = new String[n];
        String[] ids = new String[n];
        Long[] teams = new Long[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            at[i] = clock.instant().toString();
            actors[i] = e.actor;
            actions[i] = e.action.name();
            types[i] = e.entityType;
            ids[i] = e.entityId;
            teams[i] = e.teamId;
            try {
                details[i] = json.writeValueAsString(e.details);
            } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                throw new IllegalArgumentException("Audit details that are not JSON: " + x.getMessage(), x);
            }
        }
        rows.write("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, team_id, details) "
                + "select e.at, e.actor, e.action, e.type, e.id, e.team, e.details from unnest(cast(?1 as timestamptz[]), ?2, ?3, "
                + "?4, ?5, ?6, cast(?7 as jsonb[])) with ordinality e(at, actor, action, type, id, team, details, n) order by e.n",
                List.of(at, actors, actions, types, ids, teams, details));
    }

    /** A fluent description of one audit event. */
    public final class Entry {
        private final AuditAction action;
        private final String actor;
        private String entityType;
        private String entityId;
        private Long teamId;
        private final Map<String, Object> details = new LinkedHashMap<>();

        private Entry(AuditAction action, String actor) {
            this.action = action;
            this.actor = actor;
        }

        public Entry on(AuditEntity type, Object id) {
            this.entityType = type.key();
            this.entityId = id == null ? null : id.toString();
            return this;
        }

        public Entry team(Long teamId) {
            this.teamId = teamId;
            return this;
        }

        public Entry detail(String key, Object value) {
            details.put(key, value);
            return this;
        }

        public Entry changes(Changes changes) {
            details.put("changes", changes.asMap());
            return this;
        }

        public AuditEvent record() {
            return persist(this);
        }
    }
}
