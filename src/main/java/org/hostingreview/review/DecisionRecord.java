package org.hostingreview.review;

import java.util.List;
import java.util.Locale;

import org.hostingreview.costmodel.Text;
import org.hostingreview.pricing.RecommendationView;

/**
 * A decision as a Markdown architecture decision record in the MADR shape (context, drivers, options with
 * costs, outcome, consequences, review date), written from the frozen snapshot, for teams that keep decisions
 * in git. The status line says what is true (accepted, awaiting a second approval, superseded, withdrawn), and
 * every piece of user text is escaped so it cannot add HTML, headings or a status line of its own.
 */
final class DecisionRecord {

    private DecisionRecord() {
    }

    static String markdown(Review decision, List<Review> approvals, RecommendationView view, ReviewService.DecisionState state) {
        DecisionSnapshot s = decision.snapshot;
        DecisionSnapshot.ProposalFacts proposal = s.proposal();
        DecisionSnapshot.DecidedWorkload w = s.workload();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(proposal.title())).append(": ").append(decision.chosenTier.label()).append("\n\n");
        md.append("* Status: ").append(state.madr()).append("\n");
        md.append("* Deciders: ").append(String.join(", ", approvals.stream().map(a -> inline(a.reviewer.displayName)).toList()))
                .append("\n");
        md.append("* Date: ").append(decision.createdAt.toString(), 0, 10).append("\n");
        md.append("* Next review: ").append(decision.nextReviewOn).append("\n");
        md.append("* Proposal: #").append(proposal.id()).append(", team ").append(inline(proposal.team()))
                .append(", feature \"").append(inline(proposal.feature())).append("\"\n");
        md.append("* Prices as of: ").append(s.asOf()).append("\n");
        if (s.basis() != null && s.basis().observed()) {
            md.append(String.format(Locale.ROOT, "* Basis: reaffirmed at %s requests/month (observed %s)%n",
                    Text.number(w.requestsPerMonth()), s.basis().periodLabel()));
        }
        md.append("\n## Context and problem statement\n\n");
        if (proposal.featureDescription() != null && !proposal.featureDescription().isBlank()) {
            md.append(block(proposal.featureDescription())).append("\n\n");
        }
        Double spend = s.monthlySpendUsd();
        boolean observed = s.basis() != null && s.basis().observed();
        String tier = s.answers() != null && s.answers().spendTier() != null ? s.answers().spendTier().label() : "—";
        String where = observed ? String.format(Locale.ROOT, "Observed in %s, the feature ran on %s", s.basis().periodLabel(), tier)
                : String.format(Locale.ROOT, "Today the feature runs on %s %s (%s)", inline(String.valueOf(proposal.incumbentProvider())),
                        inline(String.valueOf(proposal.incumbentModel())), tier);
        md.append(String.format(Locale.ROOT, "%s, %s requests a month, %s input and %s output tokens per request, peak-to-average "
                        + "%s. %s: %s a month. Where should it run?%n%n", where, Text.number(w.requestsPerMonth()),
                Text.number(w.inputTokensPerRequest()), Text.number(w.outputTokensPerRequest()), Text.points(w.peakToAverage()),
                observed ? "Observed spend" : "Stated spend", spend == null ? "not stated" : Text.usd(spend)));

        md.append("## Decision drivers\n\n");
        for (RecommendationView.RuleGroup group : view.ruleGroups()) {
            for (RecommendationView.Rule rule : group.rules()) {
                md.append("* `").append(rule.id()).append("` (").append(group.label().toLowerCase(Locale.ROOT)).append("): ")
                        .append(inline(rule.reason())).append("\n");
            }
        }
        md.append("\n## Considered options\n\n");
        for (int i = 0; i < view.columns().size(); i++) {
            RecommendationView.Column column = view.columns().get(i);
            md.append("### ").append(column.label()).append(" — ").append(column.monthly()).append(" a month");
            if (column.recommended()) {
                md.append(" (recommended)");
            }
            md.append("\n\n");
            for (RecommendationView.Row row : view.rows()) {
                String cell = row.cells().get(i);
                if (!"—".equals(cell)) {
                    md.append("* ").append(inline(row.label())).append(": ").append(inline(cell));
                    String detail = row.details().get(i);
                    if (detail != null && !detail.isBlank()) {
                        md.append(" (").append(inline(detail)).append(")");
                    }
                    md.append("\n");
                }
            }
            if (column.blockedBy() != null && !column.blockedBy().isBlank()) {
                md.append("* Blocked by ").append(inline(column.blockedBy())).append("\n");
            }
            md.append("\n");
        }
        md.append("## Decision outcome\n\n");
        md.append("Chosen option: \"").append(decision.chosenTier.label()).append("\".\n\n");
        for (Review approval : approvals) {
            md.append("* ").append(inline(approval.reviewer.displayName)).append(": ")
                    .append(approval.afterAdminReset ? "(first sign-in after an admin reset of this reviewer's password) " : "")
                    .append(inline(approval.rationale)).append("\n");
            if (approval.justification != null) {
                md.append("  * Why not the recommended ").append(approval.recommendedTier.label()).append(": ")
                        .append(inline(approval.justification)).append("\n");
            }
            if (approval.conditions != null) {
                md.append("  * Conditions: ").append(inline(approval.conditions)).append("\n");
            }
        }
        md.append("\nWhy the model recommended ").append(view.recommendedLabel()).append(":\n\n");
        view.reasons().forEach(reason -> md.append("* ").append(inline(reason)).append("\n"));
        if (view.cautions() != null) {
            view.cautions().forEach(caution -> md.append("* Caution: ").append(inline(caution)).append("\n"));
        }
        if (view.plan() != null && !view.plan().isEmpty()) {
            md.append("\n### The plan\n\n");
            for (RecommendationView.PlanRow step : view.plan()) {
                md.append("1. **").append(inline(step.stage())).append(": ").append(inline(step.tierLabel())).append("**, ")
                        .append(inline(step.monthly())).append(" a month");
                if (step.fromRequests() != null) {
                    md.append(" from ").append(inline(step.fromRequests())).append(" requests a month");
                }
                md.append(". ").append(inline(step.text())).append("\n");
            }
        }
        md.append("\n### Consequences\n\n");
        view.ruleGroups().stream().filter(g -> g.kind().equals("WARNING")).flatMap(g -> g.rules().stream())
                .forEach(rule -> md.append("* Watch `").append(rule.id()).append("`: ").append(inline(rule.reason())).append("\n"));
        view.breakEvens().forEach(b -> md.append("* ").append(inline(b)).append("\n"));
        md.append("* Review again by ").append(decision.nextReviewOn)
                .append(", or earlier when volume or prices move enough to change the answer.\n");
        return md.toString();
    }

    /**
     * User text on one line: line breaks become spaces, and every character Markdown (or the HTML it may contain)
     * gives a meaning is backslash-escaped, so the text reads as typed and cannot open a heading, a list, a status
     * line, a link or a tag.
     */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Multi-line user text: each line escaped as {@link #inline(String)}, and a line that would start a heading, list,
     * quote or numbered item starts with a backslash instead; paragraphs kept.
     */
    static String block(String text) {
        return String.join("\n", text.strip().lines().map(DecisionRecord::inline)
                .map(line -> line.matches("^(#|[-+>=]|\\d+[.)]).*") ? "\\" + line : line).toList());
    }
}
