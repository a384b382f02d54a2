package org.hostingreview.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import org.hostingreview.costmodel.Text;
import org.hostingreview.pricing.RecommendationView;

/**
 * A decision as a Markdown architecture decision record in the MADR shape (context, drivers, options with
 * costs, outcome, consequences, review date), written from the frozen snapshot by the template
 * {@code DecisionRecord/madr.md}, for teams that keep decisions in git. The status line says what is true (accepted,
 * awaiting a second approval, superseded, withdrawn), and every piece of user text is escaped so it cannot add HTML,
 * headings or a status line of its own.
 */
final class DecisionRecord {

    private DecisionRecord() {
    }

    /** The record as the template {@code DecisionRecord/madr.md} writes it; every value is escaped there by {@link MarkdownText}. */
    record Madr(String title, String chosen, String status, String deciders, String date, LocalDate nextReview, long proposalId,
            String team, String feature, LocalDate asOf, String basis, RawString description, String context, List<Driver> drivers,
            List<Option> options, List<Approval> approvals, String recommendedLabel, List<String> reasons, List<String> cautions,
            List<RecommendationView.PlanRow> plan, List<Driver> warnings, List<String> breakEvens) {
    }

    record Driver(String id, String kind, String reason) {
    }

    record Option(String label, String monthly, boolean recommended, List<OptionLine> lines, String blockedBy) {
    }

    record OptionLine(String label, String cell, String detail) {
    }

    record Approval(String reviewer, boolean afterAdminReset, String rationale, String recommendedTier, String justification,
            String conditions) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance madr(Madr m);
    }

    static String markdown(Review decision, List<Review> approvals, RecommendationView view, ReviewService.DecisionState state) {
        DecisionSnapshot s = decision.snapshot;
        DecisionSnapshot.ProposalFacts proposal = s.proposal();
        DecisionSnapshot.DecidedWorkload w = s.workload();
        boolean observed = s.basis() != null && s.basis().observed();
        String basis = observed ? String.format(Locale.ROOT, "reaffirmed at %s requests/month (observed %s)",
                Text.number(w.requestsPerMonth()), s.basis().periodLabel()) : null;
        String description = proposal.featureDescription() != null && !proposal.featureDescription().isBlank()
                ? block(proposal.featureDescription()) : null;
        Double spend = s.monthlySpendUsd();
        String tier = s.answers() != null && s.answers().spendTier() != null ? s.answers().spendTier().label() : "—";
        String where = observed ? String.format(Locale.ROOT, "Observed in %s, the feature ran on %s", s.basis().periodLabel(), tier)
                : String.format(Locale.ROOT, "Today the feature runs on %s %s (%s)", proposal.incumbentProvider(),
                        proposal.incumbentModel(), tier);
        String context = String.format(Locale.ROOT, "%s, %s requests a month, %s input and %s output tokens per request, "
                + "peak-to-average %s. %s: %s a month. Where should it run?", where, Text.number(w.requestsPerMonth()),
                Text.number(w.inputTokensPerRequest()), Text.number(w.outputTokensPerRequest()), Text.points(w.peakToAverage()),
                observed ? "Observed spend" : "Stated spend", spend == null ? "not stated" : Text.usd(spend));
        List<Driver> drivers = view.ruleGroups().stream().flatMap(group -> group.rules().stream()
                .map(rule -> new Driver(rule.id(), group.label().toLowerCase(Locale.ROOT), rule.reason()))).toList();
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < view.columns().size(); i++) {
            RecommendationView.Column column = view.columns().get(i);
            List<OptionLine> lines = new ArrayList<>();
            for (RecommendationView.Row row : view.rows()) {
                if (!"—".equals(row.cells().get(i))) {
                    String detail = row.details().get(i);
                    lines.add(new OptionLine(row.label(), row.cells().get(i), detail == null || detail.isBlank() ? null : detail));
                }
            }
            options.add(new Option(column.label(), column.monthly(), column.recommended(), lines,
                    column.blockedBy() == null || column.blockedBy().isBlank() ? null : column.blockedBy()));
        }
        List<Approval> approved = approvals.stream().map(a -> new Approval(a.reviewer.displayName, a.afterAdminReset, a.rationale,
                a.recommendedTier == null ? null : a.recommendedTier.label(), a.justification, a.conditions)).toList();
        List<Driver> warnings = view.ruleGroups().stream().filter(g -> g.kind().equals("WARNING"))
                .flatMap(g -> g.rules().stream().map(rule -> new Driver(rule.id(), g.label(), rule.reason()))).toList();
        return Templates.madr(new Madr(proposal.title(), decision.chosenTier.label(), state.madr(),
                String.join(", ", approvals.stream().map(a -> a.reviewer.displayName).toList()),
                decision.createdAt.toString().substring(0, 10), decision.nextReviewOn, proposal.id(), proposal.team(),
                proposal.feature(), s.asOf(), basis, description == null ? null : new RawString(description), context, drivers,
                options, approved, view.recommendedLabel(), view.reasons(), view.cautions() == null ? List.of() : view.cautions(),
                view.plan() == null ? List.of() : view.plan(), warnings, view.breakEvens())).render();
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
