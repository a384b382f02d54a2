package org.hostingreview.recommendation;

import java.time.LocalDate;
import java.util.List;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.Workload;

/** The framework's worked example as plain inputs: the logistics company, 30M classifications a month. */
final class WorkedExample {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    private WorkedExample() {
    }

    static Workload workload(long requests) {
        return new Workload(requests, 1000, 83, 0, 2.0, null);
    }

    static Answers answers() {
        return Given.answers().upgradeOwner("platform team").evalSet("doc-classes-2k").selfHostEstimate(4_000.0)
                .currentTier(Tier.FRONTIER_CLOSED).build();
    }

    static List<Score> scores() {
        return List.of(new Score("gpt-4.1", Score.Role.INCUMBENT, 91), new Score("llama-3-70b", Score.Role.CANDIDATE, 87));
    }

    static ProposalInputs inputs(long requests) {
        return new ProposalInputs(workload(requests), answers(), Constraints.none(), scores());
    }

    /** The assumptions of the estimate API's appendix. */
    static Assumptions assumptions() {
        return Assumptions.defaults(AS_OF).withOverrides(java.util.Map.ofEntries(
                java.util.Map.entry(Param.FRONTIER_INPUT, 2.0), java.util.Map.entry(Param.FRONTIER_OUTPUT, 8.0),
                java.util.Map.entry(Param.HOSTED_OPEN_INPUT, 0.28), java.util.Map.entry(Param.HOSTED_OPEN_OUTPUT, 0.28),
                java.util.Map.entry(Param.GPU_USD_PER_HOUR, 2.74), java.util.Map.entry(Param.GPUS_PER_REPLICA, 2.0),
                java.util.Map.entry(Param.REPLICA_TOKENS_PER_SECOND, 30_000.0), java.util.Map.entry(Param.HEADROOM, 0.8),
                java.util.Map.entry(Param.SPARE_REPLICAS, 1.0), java.util.Map.entry(Param.MIN_REPLICAS, 2.0),
                java.util.Map.entry(Param.ML_OPS_FTES, 2.0), java.util.Map.entry(Param.ENGINEER_USD_PER_YEAR, 300_000.0),
                java.util.Map.entry(Param.UPGRADE_CADENCE, 6.0), java.util.Map.entry(Param.UPGRADE_EFFORT, 3.0),
                java.util.Map.entry(Param.TOOLING, 0.0), java.util.Map.entry(Param.BUILD_EFFORT, 12.0),
                java.util.Map.entry(Param.MIGRATION_WEEKS, 4.0)));
    }
}
