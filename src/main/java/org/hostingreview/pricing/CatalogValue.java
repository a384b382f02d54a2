package org.hostingreview.pricing;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every catalog row carries besides its value: the day it comes into force and where it came from (a source,
 * the day someone checked it, who entered it). Rows are never changed; a new value is a new row.
 */
@MappedSuperclass
public abstract class CatalogValue extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
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

    /** The catalog table this row lives in (one of the {@link CatalogRef} constants). */
    abstract String table();

    /** This row's reference, as snapshots and audit events name it. */
    public String ref() {
        return CatalogRef.of(table(), id);
    }

    /** Sets where the value comes from, for a new row. */
    void provenance(LocalDate effectiveFrom, String source, LocalDate checkedOn, String actor) {
        this.effectiveFrom = effectiveFrom;
        this.source = source.strip();
        this.checkedOn = checkedOn;
        this.createdBy = actor;
    }
}
