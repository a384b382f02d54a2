package org.hostingreview.pricing;

/**
 * Fired (synchronously, inside the transaction that added the value) when a catalog value is added, so that other
 * features can react atomically with it: re-opening decisions whose prices moved, for one.
 */
public record CatalogChanged(String actor) {
}
