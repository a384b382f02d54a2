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

/** A GPU type's hourly price, in force from {@code effectiveFrom}. Never changed. */
@Entity
@Immutable
@Table(name = "gpu_price")
public class GpuPrice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String gpu;
    @Column(name = "memory_gb", nullable = false)
    public int memoryGb;
    @Column(name = "usd_per_hour", nullable = false)
    public BigDecimal usdPerHour;
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
