package org.hostingreview.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
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
