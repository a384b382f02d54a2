package org.hostingreview.pricing;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An uploaded price list or benchmark report, kept between its preview and the admin's confirmation. */
@Entity
@Table(name = "catalog_import")
public class CatalogImport extends PanacheEntityBase {

    /** What the file is. */
    public enum Kind {
        LITELLM, BENCHMARK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(name = "file_name", nullable = false)
    public String fileName;
    @Column(nullable = false)
    public String sha256;
    @Column(nullable = false)
    public String content;
    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;
    public String gpu;
    @Column(name = "gpus_per_replica")
    public Integer gpusPerReplica;
    public String precision;
    /** The catalog model name the benchmark rows are filed under (null: the report's own). */
    @Column(name = "model")
    public String model;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "applied_at")
    public Instant appliedAt;
    @Column(name = "rows_added")
    public Integer rowsAdded;
}
