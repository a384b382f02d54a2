package org.hostingreview.revisit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A decision's mail held for the digest (V28_4): written by the sweep's batch that made the decision due, re-opened or
 * overdue, in its transaction; mailed by {@link RevisitService#digest}. Read-only here: the batches and the digest write
 * it in SQL.
 */
@Entity
@Table(name = "digest_item")
public class DigestItem extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public long proposalId;

    @Column(name = "team_id", nullable = false)
    public long teamId;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public Notification.Kind kind;

    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the digest that mailed it was queued; null while it is held. */
    @Column(name = "mailed_at")
    public Instant mailedAt;
}
