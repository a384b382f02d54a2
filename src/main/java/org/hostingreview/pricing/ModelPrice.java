package org.hostingreview.pricing;

import java.math.BigDecimal;
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

import org.hibernate.annotations.Immutable;
import org.hostingreview.costmodel.Tier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A model's per-token prices at one provider, in force from {@code effectiveFrom}. Never changed. */
@Entity
@Immutable
@Table(name = "model_price")
public class ModelPrice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String provider;
    @Column(nullable = false)
    public String model;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;
    @Column(name = "input_usd_per_mtok", nullable = false)
    public BigDecimal inputUsdPerMTok;
    @Column(name = "output_usd_per_mtok", nullable = false)
    public BigDecimal outputUsdPerMTok;
    @Column(name = "cached_input_usd_per_mtok")
    public BigDecimal cachedInputUsdPerMTok;
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
