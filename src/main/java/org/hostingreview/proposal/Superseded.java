package org.hostingreview.proposal;

/**
 * Fired (synchronously, inside the transaction) when a decision is superseded by a new draft, so that other features
 * can fill in what they know, such as the latest actuals.
 */
public record Superseded(Proposal original, Proposal replacement) {
}
