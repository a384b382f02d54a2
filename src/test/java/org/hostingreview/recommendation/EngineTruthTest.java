package org.hostingreview.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.BreakEven;
import org.hostingreview.costmodel.CostModel;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;
import org.junit.jupiter.api.Test;

/** One test per fix the 50,000-proposal sweep asked for, each on the input that used to give a contradiction. */
class EngineTruthTest {

    private static final Assumptions A = WorkedExample.assumptions();

    /** The worked example's answers, with today's tier, Q3 and the ML-ops engineers changed. */
    private static Answers answers(Tier today, Double monthsOnHostedOpen, int mlOps) {
        return Given.answers().mlOps(mlOps).monthsOnHostedOpen(monthsOnHostedOpen).upgradeOwner("platform team")
                .evalSet("doc-classes-2k").currentTier(today).build();
    }

    private static Constraints constraints(boolean residency, boolean reproducibility, boolean infraCompany) {
        return Given.constraints().dataResidency(residency).reproducibility(reproducibility).aiInfraCompany(infraCompany)
                .build();
    }

    /** At 500M requests a month self-hosting is far the cheapest tier for the worked example. */
    private static final long HYPERSCALE = 500_000_000;

    @Test
    void ruleCSendsAFrontierFeatureThroughHostedOpenFirstWhenSelfHostingIsCheapest() {
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(HYPERSCALE),
                answers(Tier.FRONTIER_CLOSED, 0.0, 3), Constraints.none(), WorkedExample.scores()), A);
        assertThat(r.tier(Tier.SELF_HOSTED).monthlyCost()).isLessThan(r.tier(Tier.HOSTED_OPEN).monthlyCost());
        assertThat(r.recommended()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(r.reasons().get(0)).startsWith("W1_NOT_MEASURED: self-hosting is cheapest");
        assertThat(r.runnerUpReason()).contains("after a quarter on hosted-open (W1_NOT_MEASURED)");
        PlanStep destination = r.plan().get(r.plan().size() - 1);
        assertThat(destination.tier()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(destination.gate()).isEqualTo(PlanStep.Gate.MEASURED_QUARTER);
    }

    @Test
    void ruleCNeverMovesAFeatureThatAlreadySelfHostsToHostedOpen() {
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(HYPERSCALE),
                answers(Tier.SELF_HOSTED, null, 3), Constraints.none(), WorkedExample.scores()), A);
        assertThat(r.recommended()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(r.fires(RuleId.W1_NOT_MEASURED)).isFalse();
        assertThat(r.reasons().get(0)).startsWith("Self-hosted open weights stays");
    }

    @Test
    void ruleCNeverRecommendsAHostedOpenDearerThanToday() {
        // hosted-open priced above the frontier: self-hosting is cheapest, W1 fires, and the feature must not be sent to
        // the dearest tier "for a quarter"
        Assumptions dearOpen = A.with(Param.HOSTED_OPEN_INPUT, 3, ValueSource.override()).with(Param.HOSTED_OPEN_OUTPUT, 9,
                ValueSource.override());
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(HYPERSCALE),
                answers(Tier.FRONTIER_CLOSED, 0.0, 3), Constraints.none(), WorkedExample.scores()), dearOpen);
        assertThat(r.tier(Tier.HOSTED_OPEN).monthlyCost()).isGreaterThan(r.tier(Tier.FRONTIER_CLOSED).monthlyCost());
        assertThat(r.recommended()).isEqualTo(Tier.SELF_HOSTED);
        // nor is measuring on hosted-open advice here: W1 does not fire when hosted-open costs more than today's tier
        assertThat(r.fires(RuleId.W1_NOT_MEASURED)).isFalse();
        assertThat(r.reasons()).noneMatch(reason -> reason.contains("through hosted-open"));
    }

    @Test
    void x1WaivesMeasuringFirstButX4DoesNot() {
        Recommendation infra = Recommender.recommend(new ProposalInputs(WorkedExample.workload(HYPERSCALE),
                answers(Tier.FRONTIER_CLOSED, 0.0, 3), constraints(false, false, true), WorkedExample.scores()), A);
        assertThat(infra.recommended()).isEqualTo(Tier.SELF_HOSTED);

        Answers hyperscaleBill = Given.answers().spend(600_000.0).mlOps(3).upgradeOwner("platform team")
                .evalSet("doc-classes-2k").currentTier(Tier.FRONTIER_CLOSED).build();
        Recommendation x4 = Recommender.recommend(new ProposalInputs(WorkedExample.workload(HYPERSCALE), hyperscaleBill,
                Constraints.none(), WorkedExample.scores()), A);
        assertThat(x4.fires(RuleId.X4_HYPERSCALE_SAVINGS)).isTrue();
        assertThat(x4.recommended()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(x4.reasons()).anySatisfy(reason -> assertThat(reason).startsWith("S2_HYPERSCALE and X4_HYPERSCALE_SAVINGS "
                + "favour self-hosting, but hosted-open comes first, for a quarter of measurement"));
        assertThat(x4.plan()).extracting(PlanStep::tier).containsExactly(Tier.HOSTED_OPEN, Tier.SELF_HOSTED);
    }

    @Test
    void b3NeverBlocksTheTierTheFeatureRunsOnTodayWithItsOwnModel() {
        // the team runs llama-3-70b on hosted-open (scored 88) and evaluates a weaker candidate (60): that must not
        // block hosted-open, nor recommend the frontier "saving −$70.8k/month"
        List<Score> scores = List.of(new Score("llama-3-70b", Score.Role.INCUMBENT, 88), new Score("small-8b", Score.Role.CANDIDATE, 60));
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(30_000_000),
                answers(Tier.HOSTED_OPEN, 6.0, 0), Constraints.none(), scores), A);
        assertThat(r.fires(RuleId.B3_QUALITY_DROP)).isTrue();
        assertThat(r.tier(Tier.HOSTED_OPEN).blocked()).isFalse();
        assertThat(r.tier(Tier.SELF_HOSTED).blockedBy()).containsExactly(RuleId.B3_QUALITY_DROP);
        assertThat(r.recommended()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(r.reasons()).noneMatch(reason -> reason.contains("−$"));
        assertThat(r.reasons()).contains("B3_QUALITY_DROP removes Self-hosted open weights.");
    }

    @Test
    void w1RespectsTheTierTheFeatureRunsOnAndReadsAnUnansweredQ3AsNotAnswered() {
        ProposalInputs onHostedOpen = new ProposalInputs(WorkedExample.workload(30_000_000), answers(Tier.HOSTED_OPEN, null, 0),
                Constraints.none(), WorkedExample.scores());
        assertThat(Recommender.recommend(onHostedOpen, A).fires(RuleId.W1_NOT_MEASURED)).isFalse();

        Recommendation unanswered = Recommender.recommend(new ProposalInputs(WorkedExample.workload(30_000_000),
                answers(Tier.FRONTIER_CLOSED, null, 0), Constraints.none(), WorkedExample.scores()), A);
        assertThat(unanswered.rules()).filteredOn(rule -> rule.id() == RuleId.W1_NOT_MEASURED).singleElement()
                .satisfies(rule -> assertThat(rule.reason()).startsWith("Q3 is not answered").doesNotContain("0 months"));

        Recommendation twoMonths = Recommender.recommend(new ProposalInputs(WorkedExample.workload(30_000_000),
                answers(Tier.FRONTIER_CLOSED, 2.0, 0), Constraints.none(), WorkedExample.scores()), A);
        assertThat(twoMonths.rules()).filteredOn(rule -> rule.id() == RuleId.W1_NOT_MEASURED).singleElement()
                .satisfies(rule -> assertThat(rule.reason()).startsWith("Hosted-open has run 2 months (< 3 months)"));
    }

    @Test
    void underResidencyNoAdviceSendsTheWorkloadToHostedOpenAndTheRunnerUpNamesTheMandate() {
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(30_000_000),
                answers(Tier.FRONTIER_CLOSED, 0.0, 0), constraints(true, false, false), WorkedExample.scores()), A);
        assertThat(r.recommended()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(r.fires(RuleId.W1_NOT_MEASURED)).isFalse();
        assertThat(r.runnerUp()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(r.runnerUpReason()).isEqualTo("Hosted open weights is $65.4k/month cheaper, but S1_RESIDENCY makes "
                + "self-hosting mandatory.");
        assertThat(r.plan()).extracting(PlanStep::tier).containsExactly(Tier.SELF_HOSTED);
    }

    @Test
    void unmetLatencyAndReproducibilityConstraintsAreCautionsOnTheFrontier() {
        Workload fast = new Workload(300_000, 1000, 83, 0, 2, 50);
        Recommendation r = Recommender.recommend(new ProposalInputs(fast, answers(Tier.FRONTIER_CLOSED, 0.0, 0),
                constraints(false, true, false), WorkedExample.scores()), A);
        assertThat(r.recommended()).isEqualTo(Tier.FRONTIER_CLOSED);
        assertThat(r.cautions()).hasSize(2);
        assertThat(r.cautions().get(0)).startsWith("S4_LATENCY_FLOOR: the recommended frontier API cannot reliably meet");
        assertThat(r.cautions().get(1)).startsWith("S6_REPRODUCIBILITY: a frontier API can update its model silently");
    }

    @Test
    void scoresOnDifferentScalesAreNeverCompared() {
        // the incumbent scored 0.9 on a 0–1 scale, the candidate 87 on 0–100: no "0.0 points short", no quality blocker
        List<Score> scores = List.of(new Score("gpt-4.1", Score.Role.INCUMBENT, 0.9, 1, "doc-classes-2k"),
                new Score("llama-3-70b", Score.Role.CANDIDATE, 87, 100, "doc-classes-2k"));
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(30_000_000), WorkedExample.answers(),
                Constraints.none(), scores), A);
        assertThat(r.fires(RuleId.W5_QUALITY_GAP)).isFalse();
        assertThat(r.fires(RuleId.B3_QUALITY_DROP)).isFalse();
        assertThat(r.reasons()).anySatisfy(reason -> assertThat(reason).contains("is not compared with gpt-4.1's")
                .contains("0–1").contains("0–100"));
    }

    @Test
    void scoresOfOneScaleAreComparedAsShares() {
        List<Score> scores = List.of(new Score("gpt-4.1", Score.Role.INCUMBENT, 0.91, 1, "set"),
                new Score("llama-3-70b", Score.Role.CANDIDATE, 0.70, 1, "set"));
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(30_000_000), WorkedExample.answers(),
                Constraints.none(), scores), A);
        assertThat(r.fires(RuleId.B3_QUALITY_DROP)).isTrue();
        assertThat(r.tier(Tier.HOSTED_OPEN).costPerAcceptedResult()).isEqualTo(r.tier(Tier.HOSTED_OPEN).monthlyCost() / (30e6 * 0.70));
    }

    @Test
    void replicaCountsDoNotOverflowAtTheLargestAcceptedVolume() {
        Workload extreme = new Workload(1_000_000_000_000L, 10_000_000, 10_000_000, 0, 10_000, null);
        Assumptions slow = A.with(Param.REPLICA_TOKENS_PER_SECOND, 1, ValueSource.override()).with(Param.GPUS_PER_REPLICA, 64,
                ValueSource.override());
        Recommendation r = Recommender.recommend(new ProposalInputs(extreme, WorkedExample.answers(), Constraints.none(),
                WorkedExample.scores()), slow);
        assertThat(r.tier(Tier.SELF_HOSTED).cost().capacity().gpus()).isPositive();
        assertThat(r.tier(Tier.SELF_HOSTED).monthlyCost()).isPositive().isFinite();
        assertThat(CostModel.monthly(Tier.SELF_HOSTED, extreme, slow, 0)).isPositive().isFinite();
    }

    @Test
    void w3CountsTheEngineersA24x7ServiceAndALargeFleetNeed() {
        Assumptions onCall = A.with(Param.SUPPORT_24X7, 1, ValueSource.override());
        Recommendation r = Recommender.recommend(WorkedExample.inputs(30_000_000), onCall);
        assertThat(r.rules()).filteredOn(rule -> rule.id() == RuleId.W3_HIRING_REQUIRED).singleElement()
                .satisfies(rule -> assertThat(rule.reason()).startsWith("Self-hosting needs 4 ML-ops engineers and the team has 0: hire 4"));
        assertThat(r.plan().get(r.plan().size() - 1).gateText()).contains("once 4 ML-ops engineers are hired");

        // 8 GPUs per engineer: the fleet at 2B requests a month needs more than the minimum, in whole people
        Assumptions smallTeams = A.with(Param.GPUS_PER_ENGINEER, 8, ValueSource.override());
        Recommendation big = Recommender.recommend(WorkedExample.inputs(2_000_000_000L), smallTeams);
        long gpus = big.tier(Tier.SELF_HOSTED).cost().capacity().gpus();
        assertThat(big.rules()).filteredOn(rule -> rule.id() == RuleId.W3_HIRING_REQUIRED).singleElement()
                .satisfies(rule -> assertThat(rule.reason()).contains("hire " + (long) Math.ceil(gpus / 8.0 - 1e-9) + " at"));
    }

    @Test
    void anAbsurdlySlowReplicaAtAHugeVolumeIsComputedAtOnce() {
        // a what-if once pinned a core for minutes: 0.0001 tokens/s per replica (refused now) at 5B requests a month
        assertThat(Param.REPLICA_TOKENS_PER_SECOND.accepts(0.0001)).isFalse();
        Assumptions slow = A.with(Param.REPLICA_TOKENS_PER_SECOND, 1, ValueSource.override());
        Recommendation r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> Recommender.recommend(WorkedExample.inputs(5_000_000_000L), slow));
        assertThat(r.tier(Tier.SELF_HOSTED).monthlyCost()).isPositive().isFinite();
        assertThat(r.breakEvens()).allSatisfy(b -> assertThat(b.summary()).isNotBlank());
    }

    @Test
    void theWorkedExamplesPlanIsHostedOpenNowAndSelfHostingWhereItCrossesOnceStaffed() {
        Recommendation r = Recommender.recommend(WorkedExample.inputs(30_000_000), A);
        assertThat(r.plan()).hasSize(2);
        PlanStep now = r.plan().get(0);
        assertThat(now.stage()).isEqualTo(PlanStep.Stage.NOW);
        assertThat(now.tier()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(now.monthlyCost()).isEqualTo(r.tier(Tier.HOSTED_OPEN).monthlyCost());
        assertThat(now.migrationWeeks()).isEqualTo(4);
        PlanStep destination = r.plan().get(1);
        assertThat(destination.stage()).isEqualTo(PlanStep.Stage.DESTINATION);
        assertThat(destination.tier()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(destination.gate()).isEqualTo(PlanStep.Gate.VOLUME);
        BreakEven openVsSelf = r.breakEvens().get(2);
        assertThat(openVsSelf.staysCheaper()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(destination.fromRequestsPerMonth()).isEqualTo(openVsSelf.staysFromRequests());
        assertThat(destination.gateText()).contains("crosses Hosted open weights").contains("once 2 ML-ops engineers are hired");
        assertThat(destination.migrationWeeks()).isEqualTo(26);
        Workload there = WorkedExample.workload(destination.fromRequestsPerMonth() + 1_000);
        assertThat(CostModel.monthly(Tier.SELF_HOSTED, there, A, 0)).isLessThan(CostModel.monthly(Tier.HOSTED_OPEN, there, A, 0));
    }
}
