package org.hostingreview.review;

import java.util.List;
import java.util.Map;

import org.hostingreview.proposal.RecommendationView;

/**
 * A decision as a Markdown architecture decision record in the MADR shape (context, drivers, options with
 * costs, outcome, consequences, review date), written from the frozen snapshot, for teams that keep decisions
 * in git.
 */
final class DecisionRecord {

    private DecisionRecord() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Review decision, List<Review> approvals, RecommendationView view) {
        Map<String, Object> proposal = (Map<String, Object>) decision.snapshot.get("proposal");
        Map<String, Object> answers = (Map<String, Object>) proposal.get("answers");
        StringBuilder md = new StringBuilder();
        md.append("# ").append(proposal.get("title")).append(": ").append(decision.chosenTier.label()).append("\n\n");
        md.append("* Status: accepted\n");
        md.append("* Deciders: ").append(String.join(", ", approvals.stream().map(a -> a.reviewer.displayName).toList()))
                .append("\n");
        md.append("* Date: ").append(decision.createdAt.toString(), 0, 10).append("\n");
        md.append("* Next review: ").append(decision.nextReviewOn).append("\n");
        md.append("* Proposal: #").append(proposal.get("id")).append(", team ").append(proposal.get("team"))
                .append(", feature \"").append(proposal.get("feature")).append("\"\n");
        md.append("* Prices as of: ").append(decision.snapshot.get("asOf")).append("\n\n");

        md.append("## Context and problem statement\n\n");
        if (proposal.get("featureDescription") != null) {
            md.append(proposal.get("featureDescription")).append("\n\n");
        }
        md.append(String.format("Today the feature runs on %s %s (%s), %s requests a month, %s input and %s output tokens "
                        + "per request, peak-to-average %s. Stated spend: %s USD a month. Where should it run?%n%n",
                answers.get("incumbentProvider"), answers.get("incumbentModel"), answers.get("currentTier"),
                answers.get("requestsPerMonth"), answers.get("inputTokensPerRequest"), answers.get("outputTokensPerRequest"),
                answers.get("peakToAverage") == null ? "derived from a busy day" : answers.get("peakToAverage"),
                answers.get("currentMonthlySpendUsd")));

        md.append("## Decision drivers\n\n");
        for (RecommendationView.RuleGroup group : view.ruleGroups()) {
            for (RecommendationView.Rule rule : group.rules()) {
                md.append("* `").append(rule.id()).append("` (").append(group.label().toLowerCase()).append("): ")
                        .append(rule.reason()).append("\n");
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
                    md.append("* ").append(row.label()).append(": ").append(cell);
                    String detail = row.details().get(i);
                    if (detail != null && !detail.isBlank()) {
                        md.append(" (").append(detail).append(")");
                    }
                    md.append("\n");
                }
            }
            if (column.blockedBy() != null && !column.blockedBy().isBlank()) {
                md.append("* Blocked by ").append(column.blockedBy()).append("\n");
            }
            md.append("\n");
        }
        md.append("## Decision outcome\n\n");
        md.append("Chosen option: \"").append(decision.chosenTier.label()).append("\".\n\n");
        for (Review approval : approvals) {
            md.append("* ").append(approval.reviewer.displayName).append(": ").append(approval.rationale).append("\n");
            if (approval.justification != null) {
                md.append("  * Why not the recommended ").append(approval.recommendedTier.label()).append(": ")
                        .append(approval.justification).append("\n");
            }
            if (approval.conditions != null) {
                md.append("  * Conditions: ").append(approval.conditions).append("\n");
            }
        }
        md.append("\nWhy the model recommended ").append(view.recommendedLabel()).append(":\n\n");
        view.reasons().forEach(reason -> md.append("* ").append(reason).append("\n"));
        md.append("\n### Consequences\n\n");
        view.ruleGroups().stream().filter(g -> g.kind().equals("WARNING")).flatMap(g -> g.rules().stream())
                .forEach(rule -> md.append("* Watch `").append(rule.id()).append("`: ").append(rule.reason()).append("\n"));
        view.breakEvens().forEach(b -> md.append("* ").append(b).append("\n"));
        md.append("* Review again by ").append(decision.nextReviewOn)
                .append(", or earlier when volume or prices move enough to change the answer.\n");
        return md.toString();
    }
}
