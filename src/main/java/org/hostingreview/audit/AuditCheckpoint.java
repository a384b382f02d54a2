package org.hostingreview.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed note of the chain's head (sequence and hash), so that a deleted tail is detectable. */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public long seq;

    @Column(nullable = false, length = 64)
    public String hash;

    @Column(nullable = false, length = 64)
    public String hmac;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
