package org.hostingreview.support;

import java.util.List;

import org.hostingreview.audit.AuditEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads the audit trail in tests. */
public final class AuditLog {

    private AuditLog() {
    }

    /** Events of one action, newest first. */
    public static List<AuditEvent> of(String action) {
        return QuarkusTransaction.requiringNew().call(
                () -> AuditEvent.<AuditEvent>find("action = ?1 order by id desc", action).list());
    }

    public static long count() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count());
    }

    public static long maxId() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long max = AuditEvent.getEntityManager().createQuery("select max(e.id) from AuditEvent e", Long.class)
                    .getSingleResult();
            return max == null ? 0L : max;
        });
    }

    /** Events of one action written after {@code afterId}, oldest first. */
    public static List<AuditEvent> since(long afterId, String action) {
        return QuarkusTransaction.requiringNew().call(
                () -> AuditEvent.<AuditEvent>find("id > ?1 and action = ?2 order by id", afterId, action).list());
    }
}
