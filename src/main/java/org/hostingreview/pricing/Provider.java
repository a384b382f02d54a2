package org.hostingreview.pricing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hostingreview.costmodel.Tier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A provider that sells per-token access: a frontier lab's API or a hosted-open provider. Every model price names one. */
@Entity
@Table(name = "provider")
public class Provider extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;
    public String website;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
