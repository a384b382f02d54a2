package org.hostingreview.pricing;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hostingreview.costmodel.Tier;

/**
 * A model's per-token prices at one provider, in force from {@code effectiveFrom}: standard input and output, and the
 * modes the provider offers (cached input, batch, cache write; null when it has none). Never changed.
 */
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
    @Column(name = "batch_input_usd_per_mtok")
    public BigDecimal batchInputUsdPerMTok;
    @Column(name = "batch_output_usd_per_mtok")
    public BigDecimal batchOutputUsdPerMTok;
    @Column(name = "cache_write_usd_per_mtok")
    public BigDecimal cacheWriteUsdPerMTok;
    @Enumerated(EnumType.STRING)
    @Column(name = "basis")
    public PriceBasis statedBasis;
    /** SHA-256 of the price file a row was imported from. */
    @Column(name = "source_sha256")
    public String sourceSha256;

    /** A provider's list price, or the framework's assumption. */
    public PriceBasis basis() {
        return PriceBasis.of(statedBasis, source);
    }

    @Override
    String table() {
        return CatalogRef.MODEL_PRICE;
    }
}
