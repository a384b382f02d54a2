package org.hostingreview.audit;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One row of the append-only audit trail. Written once by {@link AuditService}, never changed; the database
 * chains it to the previous row ({@code seq}, {@code prevHash}, {@code hash}).
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "team_id")
    public Long teamId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> details;

    /** Position in the hash chain; set by the database on insert. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "prev_hash", insertable = false, updatable = false, length = 64)
    public String prevHash;

    @Column(insertable = false, updatable = false, length = 64)
    public String hash;
}
