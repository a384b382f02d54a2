package org.hostingreview.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Tokens per second one replica of a model serves on a GPU type at the latency target. Never changed. */
@Entity
@Immutable
@Table(name = "serving_throughput")
public class ServingThroughput extends PanacheEntityBase {

    /** Measured, or a planning estimate. */
    public enum SourceKind {
        BENCHMARK, ESTIMATE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String model;
    @Column(nullable = false)
    public String gpu;
    @Column(name = "tokens_per_second", nullable = false)
    public BigDecimal tokensPerSecond;
    @Column(name = "gpus_per_replica", nullable = false)
    public int gpusPerReplica;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "source_kind", nullable = false)
    public SourceKind sourceKind;
    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;
    @Column(nullable = false)
    public String source;
    @Column(name = "checked_on", nullable = false)
    public LocalDate checkedOn;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
