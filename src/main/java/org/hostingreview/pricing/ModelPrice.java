package org.hostingreview.pricing;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hostingreview.costmodel.Tier;

/** A model's per-token prices at one provider, in force from {@code effectiveFrom}. Never changed. */
@Entity
@Immutable
@Table(name = "model_price")
public class ModelPrice extends CatalogValue {

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

    @Override
    String table() {
        return CatalogRef.MODEL_PRICE;
    }
}
