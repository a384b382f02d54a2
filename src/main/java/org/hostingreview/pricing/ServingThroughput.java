package org.hostingreview.pricing;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** Tokens per second one replica of a model serves on a GPU type at the latency target. Never changed. */
@Entity
@Immutable
@Table(name = "serving_throughput")
public class ServingThroughput extends CatalogValue {

    /** Measured, or a planning estimate. */
    public enum SourceKind {
        BENCHMARK, ESTIMATE
    }

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

    @Override
    String table() {
        return CatalogRef.THROUGHPUT;
    }
}
