package org.hostingreview.pricing;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A GPU type's hourly price, in force from {@code effectiveFrom}. Never changed. */
@Entity
@Immutable
@Table(name = "gpu_price")
public class GpuPrice extends CatalogValue {

    @Column(nullable = false)
    public String gpu;
    @Column(name = "memory_gb", nullable = false)
    public int memoryGb;
    @Column(name = "usd_per_hour", nullable = false)
    public BigDecimal usdPerHour;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "basis")
    public PriceBasis statedBasis;

    /** A market price, or the framework's assumption. */
    public PriceBasis basis() {
        return PriceBasis.of(statedBasis, source);
    }

    @Override
    String table() {
        return CatalogRef.GPU_PRICE;
    }
}
