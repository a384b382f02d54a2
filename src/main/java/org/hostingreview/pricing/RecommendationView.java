package org.hostingreview.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.BreakEven;
import org.hostingreview.costmodel.CostModel;
import org.hostingreview.costmodel.LineItem;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.pricing.CostChart;
import org.hostingreview.pricing.Costing;
import org.hostingreview.recommendation.FiredRule;
import org.hostingreview.recommendation.PlanStep;
import org.hostingreview.recommendation.Recommendation;
import org.hostingreview.recommendation.RuleKind;
import org.hostingreview.recommendation.TierResult;
import org.hostingreview.web.Numbers;

/**
 * What a proposal page shows of a costing, as plain values (so a review can freeze it as JSON and render it
 * again unchanged): the comparison table, the recommendation and its reasons, the rules by kind, the
 * break-evens, the assumptions with their sources, and the charts.
 */
public record RecommendationView(String recommendedTier, String recommendedLabel, String runnerUpLabel, String runnerUpReason,
        List<String> reasons, List<Column> columns, List<Row> rows, List<RuleGroup> ruleGroups, List<String> breakEvens,
        String spendCheck, boolean spendMismatch, List<String> notes, LocalDate pricesAsOf, List<AssumptionGroup> assumptions,
        CostChart.View chart, List<Segment> selfHostedItems, long requestsPerMonth, boolean whatIf, List<PlanRow> plan,
        List<String> cautions) {

    /** One step of the phased plan: now, next, destination. */
    public record PlanRow(String stage, String tier, String tierLabel, String gate, String text, String fromRequests,
            String monthly, String migration) {

        static PlanRow of(PlanStep step) {
            String stage = switch (step.stage()) {
                case NOW -> "Now";
                case NEXT -> "Next";
                case DESTINATION -> "Destination";
            };
            return new PlanRow(stage, step.tier().name(), step.tier().label(), step.gate().name(), step.gateText(),
                    step.fromRequestsPerMonth() == null ? null : String.format(Locale.US, "%,d", step.fromRequestsPerMonth()),
                    Text.usd(step.monthlyCost()), step.migrationWeeks() == 0 ? "—"
                            : Text.number(step.migrationWeeks()) + (step.migrationWeeks() == 1 ? " week" : " weeks"));
        }
    }

    /**
     * A tier column of the comparison table; {@code share} is its monthly total as a percentage of the dearest tier's,
     * for the bar chart a phone shows.
     */
    public record Column(String tier, String label, boolean recommended, boolean runnerUp, String monthly, String blockedBy,
            double share) {
    }

    /** A row of the comparison table: a label, one cell per tier (in {@link Tier} order), how it was computed. */
    public record Row(String label, List<String> cells, List<String> details, boolean total) {
    }

    /** The fired rules of one kind. */
    public record RuleGroup(String kind, String label, List<Rule> rules) {
    }

    /** One fired rule. */
    public record Rule(String id, String reason, String removes) {
    }

    /** One assumption and where its value came from. */
    public record AssumptionRow(String key, String group, String label, String unit, String value, String source,
            String describes, LocalDate checkedOn, boolean stale, boolean overridden) {
    }

    /** The assumptions of one {@link Param.Group}. */
    public record AssumptionGroup(String label, List<AssumptionRow> rows) {
    }

    /** One self-hosted line item as a share of the total, for the small bar chart. */
    public record Segment(String name, String amount, double x, double width, String colour) {
    }

    /**
     * A cell of the comparison table as the page shows it: its text, how it was computed ("" when there is nothing to
     * say) and whether its tier is the recommended one. Derived from {@link #rows()} and {@link #columns()} on each call,
     * never stored with a decision: a template that renders from the cell alone resolves each name in the loop's own
     * scope, where Qute's cached resolver answers at once (a name from an outer scope costs a scan of every resolver).
     */
    public record Cell(String text, String detail, boolean recommended) {
    }

    /** A row of the comparison table with its cells (see {@link Cell}). */
    public record TableRow(String label, boolean total, List<Cell> cells) {
    }

    /** One tier's card (the comparison table as a phone shows it): the column's badges and one fact per row. */
    public record TierCard(String tier, String label, boolean recommended, boolean runnerUp, String blockedBy, List<Fact> facts) {
    }

    /** A row's label and the tier's cell in it. */
    public record Fact(String label, boolean total, String value) {
    }

    /** The comparison table row by row, each cell knowing its column (see {@link Cell}). */
    public List<TableRow> table() {
        List<TableRow> table = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Cell> cells = new ArrayList<>(row.cells().size());
            for (int i = 0; i < row.cells().size(); i++) {
                cells.add(new Cell(row.cells().get(i), row.details().get(i), columns.get(i).recommended()));
            }
            table.add(new TableRow(row.label(), row.total(), cells));
        }
        return table;
    }

    /** The comparison table tier by tier (see {@link TierCard}). */
    public List<TierCard> tierCards() {
        List<TierCard> cards = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            List<Fact> facts = new ArrayList<>(rows.size());
            for (Row row : rows) {
                facts.add(new Fact(row.label(), row.total(), row.cells().get(i)));
            }
            cards.add(new TierCard(c.tier(), c.label(), c.recommended(), c.runnerUp(), c.blockedBy(), facts));
        }
        return cards;
    }

    private static final String[] SEGMENT_COLOURS = { "#c05621", "#2f855a", "#805ad5", "#718096" };

    public static RecommendationView of(Costing costing) {
        return of(costing, null);
    }

    /**
     * The view of a costing; {@code statedHostedOpenUsd} is the monthly bill the proposer stated for a hosted-open
     * run (step 4), cross-checked against the per-token cost computed for that tier.
     */
    public static RecommendationView of(Costing costing, Double statedHostedOpenUsd) {
        Recommendation r = costing.recommendation();
        Assumptions a = costing.assumptions();
        List<Column> columns = new ArrayList<>();
        double dearest = java.util.Arrays.stream(Tier.values()).mapToDouble(tier -> r.tier(tier).monthlyCost()).max().orElse(0);
        for (Tier tier : Tier.values()) {
            TierResult t = r.tier(tier);
            columns.add(new Column(tier.name(), tier.label(), tier == r.recommended(), tier == r.runnerUp(),
                    Text.usd(t.monthlyCost()), String.join(", ", t.blockedBy().stream().map(Enum::name).toList()),
                    dearest > 0 ? Math.round(t.monthlyCost() / dearest * 1000) / 10.0 : 0));
        }
        List<Row> rows = new ArrayList<>();
        for (String item : List.of(CostModel.USAGE, CostModel.GPUS, org.hostingreview.costmodel.GpuProcurement.POWER,
                org.hostingreview.costmodel.GpuProcurement.COLOCATION, CostModel.STAFF, CostModel.UPGRADES, CostModel.TOOLING)) {
            boolean shown = java.util.Arrays.stream(Tier.values()).anyMatch(tier -> item(r.tier(tier), item).isPresent());
            if (!shown) {
                continue;
            }
            rows.add(new Row(item, cells(r, t -> item(t, item).map(i -> Text.usd(i.monthlyCost())).orElse("—")),
                    cells(r, t -> item(t, item).map(LineItem::detail).orElse("")), false));
        }
        rows.add(new Row("Monthly total", cells(r, t -> Text.usd(t.monthlyCost())), cells(r, t -> ""), true));
        rows.add(new Row("Up-front", cells(r, t -> t.upfrontCost() == 0 ? "—" : Text.usd(t.upfrontCost())),
                cells(r, t -> String.join("; ", t.cost().upfrontItems().stream().map(i -> i.name() + ": " + i.detail()).toList())),
                false));
        Tier today = costing.inputs().answers().incumbentTier();
        Double stated = r.spendCheck().statedUsd();
        // against the bill the proposer stated where there is one; the engine's payback counts the computed cost
        rows.add(stated != null
                ? new Row("Savings against today's stated bill (" + Text.usd(stated) + ")", cells(r, t -> t.tier() == today
                        ? "(today)" : Text.usd(stated - t.monthlyCost())), cells(r, t -> t.tier() == today ? ""
                                : "stated " + Text.usd(stated) + " − " + Text.usd(t.monthlyCost())), false)
                : new Row("Savings against today's computed cost", cells(r, t -> t.tier() == today ? "(today)"
                        : Text.usd(t.savingsVsIncumbent())), cells(r, t -> ""), false));
        rows.add(new Row("Payback of the up-front", cells(r, t -> payback(t.paybackMonths())), cells(r, t -> t.tier() == today
                || t.paybackMonths() == null ? "" : String.format(Locale.US, "%s to first traffic, then the up-front%s recovered from the "
                        + "savings against the computed cost of today's tier",
                        Text.duration(t.cost().monthsToTraffic()), t.cost().doubleRunningCost() > 0 ? " and " + Text.usd(t.cost().doubleRunningCost())
                                + " of double running" : "")), false));
        rows.add(new Row("Eval score", cells(r, t -> t.evalScore() == null ? "—" : Text.points(t.evalScore())), cells(r, t -> ""),
                false));
        rows.add(new Row("Cost per accepted result", cells(r, t -> t.costPerAcceptedResult() == null ? "—"
                : String.format(Locale.US, "$%.5f", t.costPerAcceptedResult())), cells(r, t -> ""), false));

        List<RuleGroup> groups = new ArrayList<>();
        for (RuleKind kind : List.of(RuleKind.BLOCKER, RuleKind.FAVOURS_SELF_HOST, RuleKind.FAVOURS_HOSTED, RuleKind.EXCEPTION,
                RuleKind.WARNING)) {
            List<Rule> rules = r.rulesOf(kind).stream().map(RecommendationView::rule).toList();
            if (!rules.isEmpty()) {
                groups.add(new RuleGroup(kind.name(), kind.label(), rules));
            }
        }
        String spend = null;
        Recommendation.SpendCheck check = r.spendCheck();
        if (check.statedUsd() != null) {
            // no percentage when there is nothing to compare (a stated $0, or a tier with no per-token cost)
            spend = String.format(Locale.US, "Stated spend %s/month against %s computed per token on %s%s.",
                    Text.usd(check.statedUsd()), Text.usd(check.computedUsd()), check.tier().label(),
                    check.difference() == null ? "" : String.format(Locale.US, " (%+.0f%%)", 100 * check.difference()));
        }
        boolean hostedOpenMismatch = false;
        if (statedHostedOpenUsd != null) {
            double computed = r.tier(Tier.HOSTED_OPEN).monthlyCost();
            Double gap = computed > 0 ? statedHostedOpenUsd / computed - 1 : null;
            hostedOpenMismatch = gap != null && Math.abs(gap) > 0.25;
            String line = String.format(Locale.US, "Stated hosted-open bill %s/month against %s computed per token on %s%s.",
                    Text.usd(statedHostedOpenUsd), Text.usd(computed), Tier.HOSTED_OPEN.label(),
                    gap == null ? "" : String.format(Locale.US, " (%+.0f%%)", 100 * gap));
            spend = spend == null ? line : spend + " " + line;
        }
        TierResult selfHosted = r.tier(Tier.SELF_HOSTED);
        List<Segment> segments = new ArrayList<>();
        double total = Math.max(selfHosted.monthlyCost(), 1e-9);
        double x = 0;
        int colour = 0;
        for (LineItem item : selfHosted.cost().lineItems()) {
            double width = item.monthlyCost() / total * 100;
            segments.add(new Segment(item.name(), Text.usd(item.monthlyCost()), x, width, SEGMENT_COLOURS[colour++ % 4]));
            x += width;
        }
        Integer mlOps = costing.inputs().answers().mlOpsEngineers();
        return new RecommendationView(r.recommended().name(), r.recommended().label(),
                r.runnerUp() == null ? null : r.runnerUp().label(), r.runnerUpReason(), r.reasons(), columns, rows, groups,
                r.breakEvens().stream().map(BreakEven::summary).toList(), spend, check.mismatch() || hostedOpenMismatch, costing.notes(),
                r.pricesAsOf(), assumptionRows(a), CostChart.build(costing.inputs().workload(), a, mlOps, r.breakEvens(),
                        costing.whatIf() && costing.volumeMultiple() != 1),
                segments, costing.inputs().workload().requestsPerMonth(), costing.whatIf(),
                r.plan().stream().map(PlanRow::of).toList(), r.cautions());
    }

    static String payback(Double months) {
        return months == null ? "—" : Text.duration(months);
    }

    private static Rule rule(FiredRule fired) {
        String removes = fired.kind() == RuleKind.BLOCKER
                ? String.join(" and ", fired.blocks().stream().map(Tier::label).toList()) : null;
        return new Rule(fired.id().name(), fired.reason(), removes);
    }

    private static List<AssumptionGroup> assumptionRows(Assumptions a) {
        List<AssumptionGroup> groups = new ArrayList<>();
        for (Param.Group group : Param.Group.values()) {
            List<AssumptionRow> rows = new ArrayList<>();
            for (Param param : Param.values()) {
                if (param.group() == group) {
                    rows.add(assumptionRow(a, param));
                }
            }
            groups.add(new AssumptionGroup(group.label(), rows));
        }
        return groups;
    }

    private static AssumptionRow assumptionRow(Assumptions a, Param param) {
        ValueSource source = a.source(param);
        return new AssumptionRow(param.key(), param.group().label(), param.label(), param.unit(),
                Numbers.field(BigDecimal.valueOf(a.get(param))), source.source(), source.describes(), source.checkedOn(), a.stale(param),
                source.kind() == ValueSource.Kind.OVERRIDE);
    }

    private static Optional<LineItem> item(TierResult t, String name) {
        return t.cost().lineItems().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    private static List<String> cells(Recommendation r, Function<TierResult, String> cell) {
        List<String> cells = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            cells.add(cell.apply(r.tier(tier)));
        }
        return cells;
    }
}
