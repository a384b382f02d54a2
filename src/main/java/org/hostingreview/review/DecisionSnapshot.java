package org.hostingreview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;
import org.hostingreview.pricing.RecommendationView;
import org.hostingreview.recommendation.PlanStep;
import org.hostingreview.recommendation.RuleId;

/**
 * Everything a reviewer decided on, frozen with the review and stored as JSON: the workload and answers, the catalog
 * values used (with their source and effective date), each tier's monthly and up-front cost, the rules that fired, the
 * recommended and chosen tier, the phased plan, and the page as it was shown. Other packages read it only through
 * these typed accessors; nobody parses its JSON keys.
 *
 * @param schemaVersion     {@link #CURRENT} for snapshots written now; older rows are converted by a migration
 * @param basis             what the workload is: the proposal as filed, or the check-in observed when a re-opened
 *                          decision was settled at what the feature really did
 */
public record DecisionSnapshot(int schemaVersion, Instant takenAt, LocalDate asOf, ProposalFacts proposal, Basis basis,
        DecidedWorkload workload, DecidedAnswers answers, List<EvalUsed> evals, List<CatalogValueUsed> catalog,
        Map<Tier, TierFigures> tiers, List<RuleFired> rules, Tier recommendedTier,
        Tier chosenTier, List<PlanStep> plan, RecommendationView view) {

    public static final int CURRENT = 2;

    /** Who filed what, as it was when decided. */
    public record ProposalFacts(long id, String title, String feature, String featureDescription, String team, String owner,
            int round, String incumbentProvider, String incumbentModel, Tier currentTier, List<String> constraints) {
    }

    /** Where the decided workload came from. */
    public record Basis(Kind kind, Long checkinId, LocalDate periodStart, LocalDate periodEnd, String periodLabel) {

        public enum Kind {
            /** The proposal's own figures. */
            FILED,
            /** A check-in's actuals (a re-opened decision settled at the observed workload). */
            OBSERVED
        }

        public static Basis filed() {
            return new Basis(Kind.FILED, null, null, null, null);
        }

        public boolean observed() {
            return kind == Kind.OBSERVED;
        }
    }

    /** The workload decided on. */
    public record DecidedWorkload(long requestsPerMonth, long inputTokensPerRequest, long outputTokensPerRequest,
            double cachedInputShare, double peakToAverage, Integer ttftTargetMs) {

        public static DecidedWorkload of(Workload w) {
            return new DecidedWorkload(w.requestsPerMonth(), w.inputTokensPerRequest(), w.outputTokensPerRequest(),
                    w.cachedInputShare(), w.peakToAverage(), w.ttftTargetMs());
        }

        public Workload toWorkload() {
            return new Workload(requestsPerMonth, inputTokensPerRequest, outputTokensPerRequest, cachedInputShare,
                    Math.max(1, peakToAverage), ttftTargetMs);
        }
    }

    /** The answers the rules read, as decided on; {@code spendTier} is the tier the stated spend was on. */
    public record DecidedAnswers(Double monthlySpendUsd, Tier spendTier, Integer mlOpsEngineers, Boolean hiresPlanned,
            Double hostedOpenMonthsRun, String upgradeOwner, String evalSet, Double selfHostEstimateUsd,
            Integer selfHostPlannedReplicas) {
    }

    /** One eval run the decision saw. */
    public record EvalUsed(String model, String role, Tier tier, String evalSet, Integer sampleSize, String scoreKind,
            double score, LocalDate runDate) {
    }

    /** One assumption as used: key, value, where it came from, the catalog row's effective date. */
    public record CatalogValueUsed(String key, double value, ValueSource.Kind kind, String ref, String describes, String source,
            LocalDate effectiveFrom, LocalDate checkedOn) {

        public boolean fromCatalog() {
            return kind == ValueSource.Kind.CATALOG;
        }
    }

    /** A tier's cost at the decided workload. */
    public record TierFigures(double monthlyCost, Double upfrontCost) {
    }

    /** A rule that fired, with its reason as written then. */
    public record RuleFired(RuleId id, String kind, String reason) {
    }

    // --- typed accessors ---------------------------------------------------------------------------

    public long requestsPerMonth() {
        return workload.requestsPerMonth();
    }

    /** A tier's monthly cost at the decided workload (0 when the snapshot has no figure for it). */
    public double monthlyCost(Tier tier) {
        TierFigures figures = tiers == null ? null : tiers.get(tier);
        return figures == null ? 0 : figures.monthlyCost();
    }

    public List<RuleId> ruleIds() {
        return rules == null ? List.of() : rules.stream().map(RuleFired::id).toList();
    }

    public boolean fired(RuleId id) {
        return ruleIds().contains(id);
    }

    public Optional<CatalogValueUsed> value(String key) {
        return catalog == null ? Optional.empty() : catalog.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /** The monthly spend decided on (stated, or observed), or null. */
    public Double monthlySpendUsd() {
        return answers == null ? null : answers.monthlySpendUsd();
    }
}
