package org.hostingreview.recommendation;

/** A rule that fires for a proposal, with a one-line reason carrying the proposal's own numbers. */
public record FiredRule(RuleId id, RuleKind kind, String reason) {

    static FiredRule of(RuleId id, String reason) {
        return new FiredRule(id, id.kind(), reason);
    }
}
