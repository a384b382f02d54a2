package org.hostingreview.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * The number that moves with every change to the catalog's four tables ({@code V28_5}: a statement trigger on each, in the
 * changing transaction, whoever writes). The app only reads it: {@link CatalogCosting#STAMP_ITEMS}.
 */
@Entity
@Immutable
@Table(name = "catalog_version")
public class CatalogVersion {

    @Id
    public short id;

    @Column(nullable = false)
    public long version;
}
