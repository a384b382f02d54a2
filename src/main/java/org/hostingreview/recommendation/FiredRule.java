package org.hostingreview.recommendation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import org.hostingreview.costmodel.Tier;

/**
 * A rule that fires for a proposal, with a one-line reason carrying the proposal's own numbers (written when
 * read, like {@link org.hostingreview.costmodel.LineItem}), and for a blocker the tiers it removes here (B3 removes
 * only the tiers whose own model falls short).
 */
public record FiredRule(RuleId id, RuleKind kind, Supplier<String> explanation, Set<Tier> blocks) {

    public String reason() {
        return explanation.get();
    }

    static FiredRule of(RuleId id, Supplier<String> reason) {
        return new FiredRule(id, id.kind(), reason, id.blocks());
    }

    static FiredRule of(RuleId id, String reason) {
        return of(id, () -> reason);
    }

    static FiredRule blocking(RuleId id, Set<Tier> blocks, Supplier<String> reason) {
        return new FiredRule(id, id.kind(), reason, Collections.unmodifiableSet(EnumSet.copyOf(blocks)));
    }
}
