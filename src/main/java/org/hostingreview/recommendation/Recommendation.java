package org.hostingreview.recommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hostingreview.costmodel.BreakEven;
import org.hostingreview.costmodel.Tier;

/**
 * The answer for one proposal: every tier's costs, the rules that fire, the recommended tier and why (each
 * sentence naming its rules), the runner-up and by how much it loses, the break-even volumes, and the
 * cross-check of stated against computed spend, the phased plan (now, next, destination), and cautions: the
 * constraints (S4, S6) the recommended tier cannot meet.
 *
 * @param runnerUpGap runner-up's monthly cost minus the recommended tier's (negative when the runner-up is
 *                    cheaper but was ruled out, e.g. by payback)
 */
public record Recommendation(Map<Tier, TierResult> tiers, List<FiredRule> rules, Tier recommended,
        List<Supplier<String>> explanations, Tier runnerUp, Double runnerUpGap, Supplier<String> runnerUpExplanation,
        List<BreakEven> breakEvens, SpendCheck spendCheck, LocalDate pricesAsOf, List<PlanStep> plan,
        List<String> cautions) {

    /** Why the recommended tier, one sentence each, naming the rules (written when read). */
    public List<String> reasons() {
        return explanations.stream().map(Supplier::get).toList();
    }

    /** Why the runner-up lost. */
    public String runnerUpReason() {
        return runnerUpExplanation.get();
    }

    public TierResult tier(Tier tier) {
        return tiers.get(tier);
    }

    public boolean fires(RuleId id) {
        return rules.stream().anyMatch(rule -> rule.id() == id);
    }

    public List<FiredRule> rulesOf(RuleKind kind) {
        return rules.stream().filter(rule -> rule.kind() == kind).toList();
    }

    /** Stated (Q1) against computed spend on the incumbent's tier; {@code mismatch} when apart by more than allowed. */
    public record SpendCheck(Tier tier, Double statedUsd, double computedUsd, Double difference, boolean mismatch) {
    }
}
