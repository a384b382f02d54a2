package org.hostingreview.pricing;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A staffing or policy default (one {@code Param} by its key), in force from {@code effectiveFrom}. Never changed. */
@Entity
@Immutable
@Table(name = "policy_value")
public class PolicyValue extends CatalogValue {

    @Column(nullable = false)
    public String param;
    @Column(nullable = false)
    public BigDecimal value;

    @Override
    String table() {
        return CatalogRef.POLICY;
    }
}
