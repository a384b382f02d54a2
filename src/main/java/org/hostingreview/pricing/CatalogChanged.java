package org.hostingreview.pricing;

/**
 * Fired (synchronously, inside the transaction that added the value) when a catalog value is added or an import applied,
 * with its catalog reference ({@code model_price:12}, {@code import:3}); a re-check of the decisions and estimates it
 * may change is asked for in the same transaction ({@link CatalogRechecks}) and runs after it commits.
 */
public record CatalogChanged(String actor, String ref) {
}
