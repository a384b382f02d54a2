package org.hostingreview.recommendation;

import org.hostingreview.costmodel.Tier;

/**
 * One step of the phased plan the framework teaches ("hosted-open is almost always the right intermediate step;
 * self-host is the destination"): the tier, what opens the step, from which volume it pays (when a volume gate
 * applies), its monthly cost there, and the migration time to reach it.
 *
 * @param fromRequestsPerMonth the volume at which this step's tier becomes the cheaper one (VOLUME gates), else null
 * @param monthlyCost          the tier's all-in monthly cost at {@code fromRequestsPerMonth}, or at today's volume
 * @param migrationWeeks       calendar weeks from deciding the step to its first production traffic (0 for "now")
 */
public record PlanStep(Stage stage, Tier tier, Gate gate, String gateText, Long fromRequestsPerMonth, double monthlyCost,
        double migrationWeeks) {

    /** Where the step sits on the path. */
    public enum Stage {
        NOW, NEXT, DESTINATION
    }

    /** What has to become true before the step is taken. */
    public enum Gate {
        /** Nothing: this is where the feature should run now. */
        NONE,
        /** Volume reaches {@code fromRequestsPerMonth}, where the all-in costs cross. */
        VOLUME,
        /** A quarter of measured cost and quality on hosted-open. */
        MEASURED_QUARTER,
        /** The open candidate's eval score comes within the allowed gap of the incumbent's. */
        EVAL_PARITY,
        /** The ML-ops people self-hosting needs are hired. */
        HIRE,
        /** A blocker (no eval, no redundancy) is resolved. */
        UNBLOCK
    }
}
