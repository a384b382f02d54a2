package org.hostingreview.api;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.BreakEven;
import org.hostingreview.costmodel.LineItem;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.recommendation.FiredRule;
import org.hostingreview.recommendation.Recommendation;
import org.hostingreview.recommendation.TierResult;

/** The recommendation as JSON. All money is USD, monthly unless named up-front. */
@Schema(description = "Costs of every tier, the rules that fire and the recommended tier. Money in USD per month unless noted.")
public record EstimateResponse(
        @Schema(description = "FRONTIER_CLOSED, HOSTED_OPEN or SELF_HOSTED.") Tier recommendedTier,
        @Schema(description = "The best alternative.") Tier runnerUpTier,
        @Schema(description = "Runner-up's monthly cost minus the recommended tier's (negative: cheaper but ruled out).")
        Double runnerUpGapUsd,
        @Schema(description = "Why, one sentence each, naming the rules.") List<String> reasons,
        List<TierCost> tiers,
        List<Rule> rules,
        List<BreakEvenDto> breakEvens,
        @Schema(description = "The day whose catalog prices were used.") LocalDate pricesAsOf,
        SpendCheck spendCheck,
        @Schema(description = "Every assumption used, by name.") Map<String, Double> assumptions,
        @Schema(description = "The phased plan: at most three steps (now, next, destination), each with the gate that opens it.")
        List<Step> plan,
        @Schema(description = "Constraints (S4_LATENCY_FLOOR, S6_REPRODUCIBILITY) the recommended tier cannot meet.")
        List<String> cautions,
        @Schema(description = "How the catalog priced the request's models: stand-ins and loose name matches, e.g. "
                + "\"“GPT4.1” is priced as gpt-4.1 (OpenAI), the closest catalog entry.\"") List<String> notes) {

    @Schema(description = "One step of the phased plan.")
    public record Step(@Schema(description = "NOW, NEXT or DESTINATION.") String stage, Tier tier,
            @Schema(description = "What opens the step: NONE, VOLUME, MEASURED_QUARTER, EVAL_PARITY, HIRE or UNBLOCK.") String gate,
            @Schema(description = "The gate in words, with the figures.") String gateText,
            @Schema(description = "For a VOLUME gate, the requests per month from which the step pays; otherwise null.")
            Long fromRequestsPerMonth,
            @Schema(description = "The tier's all-in monthly cost at that volume (or today's), USD.") double monthlyCost,
            @Schema(description = "Calendar weeks from deciding the step to its first production traffic.") double migrationWeeks) {
    }

    @Schema(description = "One tier's costs.")
    public record TierCost(Tier tier,
            @Schema(description = "All-in monthly run-rate, USD.") double monthlyCost,
            @Schema(description = "One-off cost of moving to this tier, USD (0 for the tier in use today).") double upfrontCost,
            List<Item> lineItems,
            List<Item> upfrontItems,
            @Schema(description = "Today's tier's monthly cost minus this one, USD.") double savingsVsIncumbent,
            @Schema(description = "Up-front ÷ monthly savings, months; null without savings or for today's tier.")
            Double paybackMonths,
            @Schema(description = "The eval score that applies to this tier, 0–100.") Double evalScore,
            @Schema(description = "Monthly cost ÷ (requests × pass rate), USD per accepted result.") Double costPerAcceptedResult,
            @Schema(description = "Blocker rule ids removing this tier.") List<String> blockedBy) {
    }

    @Schema(description = "A named amount.")
    public record Item(String name, @Schema(description = "USD (per month for line items).") double monthlyCost, String detail) {
    }

    @Schema(description = "A rule that fires.")
    public record Rule(@Schema(example = "W5_QUALITY_GAP") String id,
            @Schema(description = "FAVOURS_SELF_HOST, FAVOURS_HOSTED, EXCEPTION, BLOCKER or WARNING.") String kind,
            String reason) {
    }

    @Schema(description = "Where two tiers cost the same (nearest to today's volume, 0.1×–100×).")
    public record BreakEvenDto(List<Tier> tiers,
            @Schema(description = "Volume multiple of today's; null when not reached.") Double volumeMultiple,
            @Schema(description = "Requests per month at the break-even; null when not reached.") Long requestsPerMonth,
            Tier cheaperToday,
            @Schema(description = "Cheaper from just above the crossing up to nextVolumeMultiple (or 100×).") Tier cheaperAbove,
            @Schema(description = "The next crossing above this one; null when none up to 100×.") Double nextVolumeMultiple,
            @Schema(description = "How many times the cheaper tier changes between 0.1× and 100× (the GPU staircase can make "
                    + "them alternate).") long crossings,
            @Schema(description = "From this volume multiple (the last crossing) `staysCheaper` is cheaper up to 100×.")
            Double staysFromVolumeMultiple,
            Long staysFromRequestsPerMonth,
            Tier staysCheaper,
            String summary) {
    }

    @Schema(description = "Stated spend (Q1) against the computed per-token cost of today's tier.")
    public record SpendCheck(Tier tier, Double statedUsd, double computedUsd,
            @Schema(description = "(stated − computed) ÷ computed.") Double difference,
            @Schema(description = "True when they differ by more than the allowed share (25%).") boolean mismatch) {
    }

    public static EstimateResponse of(Recommendation r, Assumptions a) {
        return of(r, a, List.of());
    }

    public static EstimateResponse of(Recommendation r, Assumptions a, List<String> notes) {
        List<TierCost> tiers = Arrays.stream(Tier.values()).map(t -> tier(r.tier(t))).toList();
        List<Rule> rules = r.rules().stream().map(EstimateResponse::rule).toList();
        List<BreakEvenDto> breakEvens = r.breakEvens().stream().map(EstimateResponse::breakEven).toList();
        Recommendation.SpendCheck c = r.spendCheck();
        Map<String, Double> used = new TreeMap<>();
        for (Param param : Param.values()) {
            used.put(param.key(), a.get(param));
        }
        return new EstimateResponse(r.recommended(), r.runnerUp(), r.runnerUpGap(), r.reasons(), tiers, rules, breakEvens,
                r.pricesAsOf(), new SpendCheck(c.tier(), c.statedUsd(), c.computedUsd(), c.difference(), c.mismatch()), used,
                r.plan().stream().map(s -> new Step(s.stage().name(), s.tier(), s.gate().name(), s.gateText(), s.fromRequestsPerMonth(),
                        s.monthlyCost(), s.migrationWeeks())).toList(), r.cautions(), List.copyOf(notes));
    }

    private static TierCost tier(TierResult t) {
        return new TierCost(t.tier(), t.monthlyCost(), t.upfrontCost(), items(t.cost().lineItems()), items(t.cost().upfrontItems()),
                t.savingsVsIncumbent(), t.paybackMonths(), t.evalScore(), t.costPerAcceptedResult(),
                t.blockedBy().stream().map(Enum::name).toList());
    }

    private static List<Item> items(List<LineItem> items) {
        return items.stream().map(i -> new Item(i.name(), i.monthlyCost(), i.detail())).toList();
    }

    private static Rule rule(FiredRule r) {
        return new Rule(r.id().name(), r.kind().name(), r.reason());
    }

    private static BreakEvenDto breakEven(BreakEven b) {
        return new BreakEvenDto(List.of(b.a(), b.b()), b.multiple(), b.requestsPerMonth(), b.cheaperToday(), b.cheaperAbove(),
                b.nextMultiple(), b.crossings(), b.staysFrom(), b.staysFromRequests(), b.staysCheaper(), b.summary());
    }
}
