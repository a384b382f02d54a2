package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.proposal.Trigger;
import org.hostingreview.recommendation.PlanStep;
import org.hostingreview.review.DecisionSnapshot;
import org.junit.jupiter.api.Test;

/** A check-in whose volume reaches a volume-gated next step of the decision's plan opens that gate, once. */
class GateOpenedTest {

    static DecisionSnapshot withPlan(List<PlanStep> plan) {
        return new DecisionSnapshot(DecisionSnapshot.CURRENT, null, null, null, DecisionSnapshot.Basis.filed(),
                new DecisionSnapshot.DecidedWorkload(30_000_000, 1000, 83, 0, 2, null), null, List.of(), List.of(),
                Map.of(), List.of(), Tier.HOSTED_OPEN, Tier.HOSTED_OPEN, plan, null);
    }

    static final List<PlanStep> PLAN = List.of(
            new PlanStep(PlanStep.Stage.NOW, Tier.HOSTED_OPEN, PlanStep.Gate.NONE, "now", null, 9000, 0),
            new PlanStep(PlanStep.Stage.DESTINATION, Tier.SELF_HOSTED, PlanStep.Gate.VOLUME, "from 250M", 250_000_000L, 60000, 12));

    @Test
    void reachingTheGateVolumeOpensIt() {
        List<ReopenReason> reasons = RevisitService.gatesOpened(withPlan(PLAN), 30_000_000, 260_000_000);

        assertThat(reasons).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(Trigger.GATE_OPENED);
            assertThat(r.subject()).isEqualTo("DESTINATION:SELF_HOSTED");
            assertThat(r.then()).isEqualTo("30,000,000");
            assertThat(r.now()).isEqualTo("260,000,000");
            assertThat(r.text()).contains("250,000,000");
        });
    }

    @Test
    void belowTheGateOrAGateAlreadyOpenAtTheDecisionOpensNothing() {
        assertThat(RevisitService.gatesOpened(withPlan(PLAN), 30_000_000, 200_000_000)).isEmpty();
        assertThat(RevisitService.gatesOpened(withPlan(PLAN), 260_000_000, 300_000_000)).isEmpty();
        assertThat(RevisitService.gatesOpened(withPlan(List.of()), 30_000_000, 900_000_000)).isEmpty();
    }
}
