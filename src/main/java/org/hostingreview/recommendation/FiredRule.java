package org.hostingreview.recommendation;

import java.util.function.Supplier;

/**
 * A rule that fires for a proposal, with a one-line reason carrying the proposal's own numbers (written when
 * read, like {@link org.hostingreview.costmodel.LineItem}).
 */
public record FiredRule(RuleId id, RuleKind kind, Supplier<String> explanation) {

    public String reason() {
        return explanation.get();
    }

    static FiredRule of(RuleId id, Supplier<String> reason) {
        return new FiredRule(id, id.kind(), reason);
    }

    static FiredRule of(RuleId id, String reason) {
        return new FiredRule(id, id.kind(), () -> reason);
    }
}
