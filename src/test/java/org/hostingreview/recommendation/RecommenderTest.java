package org.hostingreview.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;
import org.junit.jupiter.api.Test;

/** The pick: blockers, mandatory self-hosting, payback, and hosted-open for a quarter first. */
class RecommenderTest {

    private static final Assumptions A = WorkedExample.assumptions();

    @Test
    void residencyMakesSelfHostingMandatoryAndNamesTheOpenBlocker() {
        Constraints residency = Given.constraints().dataResidency().build();
        Answers noEval = Given.answers().spend(25_000.0).mlOps(3).hiresPlanned(false).upgradeOwner("team").evalSet(null)
                .currentTier(Tier.FRONTIER_CLOSED).plannedReplicas(3).build();
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(2_000_000), noEval, residency,
                List.of()), A);
        assertThat(r.recommended()).isEqualTo(Tier.SELF_HOSTED);
        // never a dearer move without saying so: the mandate's first reason carries the extra cost against today's tier
        assertThat(r.reasons().get(0)).isEqualTo("S1_RESIDENCY makes self-hosting mandatory: it costs $65.2k/month more than "
                + "Frontier closed API, the tier the feature runs on today.");
        assertThat(r.reasons()).anySatisfy(reason -> assertThat(reason).contains("Resolve B1_NO_EVAL"));
        assertThat(r.tier(Tier.SELF_HOSTED).blockedBy()).containsExactly(RuleId.B1_NO_EVAL);
    }

    @Test
    void aQualityDropRemovesBothOpenTiersAndTheIncumbentStays() {
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(30_000_000), WorkedExample.answers(),
                Constraints.none(), List.of(new Score("gpt-4.1", Score.Role.INCUMBENT, 84), new Score("llama", Score.Role.CANDIDATE, 64))),
                A);
        assertThat(r.recommended()).isEqualTo(Tier.FRONTIER_CLOSED);
        assertThat(r.reasons()).contains("B3_QUALITY_DROP removes Hosted open weights and Self-hosted open weights.");
        assertThat(r.runnerUpReason()).contains("blocked by B3_QUALITY_DROP");
    }

    @Test
    void aMoveThatDoesNotPayBackInAYearLeavesTheIncumbent() {
        // hosted-open barely cheaper: $23k migration against $1.5k/month savings
        Assumptions close = A.with(Param.HOSTED_OPEN_INPUT, 1.95, ValueSource.override())
                .with(Param.HOSTED_OPEN_OUTPUT, 8.0, ValueSource.override());
        Recommendation r = Recommender.recommend(WorkedExample.inputs(30_000_000), close);
        assertThat(r.tier(Tier.HOSTED_OPEN).paybackMonths()).isGreaterThan(12);
        assertThat(r.recommended()).isEqualTo(Tier.FRONTIER_CLOSED);
        assertThat(r.reasons()).anySatisfy(reason -> assertThat(reason).contains("months to pay back (limit 12 months)"));
    }

    @Test
    void broadCapabilitiesShortenThePaybackLimitToSixMonths() {
        // savings chosen so that the hosted-open payback is about nine months
        double savingsNeeded = 23_076.92 / 9;
        double hostedPrice = (79_920 - savingsNeeded) / 30_000_000 / 1083 * 1e6;
        Assumptions nine = A.with(Param.HOSTED_OPEN_INPUT, hostedPrice, ValueSource.override())
                .with(Param.HOSTED_OPEN_OUTPUT, hostedPrice, ValueSource.override());
        Constraints broad = Given.constraints().broadCapabilities().build();
        assertThat(Recommender.recommend(WorkedExample.inputs(30_000_000), nine).recommended()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(Recommender.recommend(new ProposalInputs(WorkedExample.workload(30_000_000), WorkedExample.answers(), broad,
                WorkedExample.scores()), nine).recommended()).isEqualTo(Tier.FRONTIER_CLOSED);
    }

    @Test
    void selfHostingCheapestButUnmeasuredMeansHostedOpenForAQuarterFirst() {
        Assumptions pricey = A.with(Param.HOSTED_OPEN_INPUT, 1.5, ValueSource.override())
                .with(Param.HOSTED_OPEN_OUTPUT, 1.5, ValueSource.override());
        Recommendation measuredNot = Recommender.recommend(WorkedExample.inputs(300_000_000), pricey);
        assertThat(measuredNot.tier(Tier.SELF_HOSTED).monthlyCost())
                .isLessThan(measuredNot.tier(Tier.HOSTED_OPEN).monthlyCost());
        assertThat(measuredNot.recommended()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(measuredNot.reasons().get(0)).startsWith("W1_NOT_MEASURED");
        assertThat(measuredNot.runnerUp()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(measuredNot.runnerUpGap()).isNegative();

        Answers measured = Given.answers().spend(800_000.0).mlOps(4).hiresPlanned(false).monthsOnHostedOpen(6.0)
                .upgradeOwner("platform").evalSet("eval").currentTier(Tier.FRONTIER_CLOSED).build();
        Recommendation after = Recommender.recommend(new ProposalInputs(WorkedExample.workload(300_000_000), measured,
                Constraints.none(), WorkedExample.scores()), pricey);
        assertThat(after.recommended()).isEqualTo(Tier.SELF_HOSTED);
    }

    @Test
    void anInfrastructureCompanyIsNotSentToHostedOpenFirst() {
        Assumptions pricey = A.with(Param.HOSTED_OPEN_INPUT, 1.5, ValueSource.override())
                .with(Param.HOSTED_OPEN_OUTPUT, 1.5, ValueSource.override());
        Constraints infra = Given.constraints().aiInfraCompany().build();
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(300_000_000), WorkedExample.answers(),
                infra, WorkedExample.scores()), pricey);
        assertThat(r.recommended()).isEqualTo(Tier.SELF_HOSTED);
        assertThat(r.reasons()).anySatisfy(reason -> assertThat(reason).contains("W1_NOT_MEASURED is waived"));
    }

    @Test
    void aFeatureAlreadyOnHostedOpenComparesAgainstIt() {
        Answers onOpen = Given.answers().spend(9_000.0).hiresPlanned(false).monthsOnHostedOpen(12.0)
                .currentTier(Tier.HOSTED_OPEN).build();
        Recommendation r = Recommender.recommend(new ProposalInputs(WorkedExample.workload(30_000_000), onOpen,
                Constraints.none(), WorkedExample.scores()), A);
        assertThat(r.recommended()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(r.tier(Tier.HOSTED_OPEN).upfrontCost()).isZero();
        assertThat(r.tier(Tier.FRONTIER_CLOSED).upfrontCost()).isPositive();
        assertThat(r.tier(Tier.FRONTIER_CLOSED).savingsVsIncumbent()).isNegative();
    }

    @Test
    void noTrafficCostsNothingPerTokenAndNothingBreaksTheModel() {
        Recommendation r = Recommender.recommend(new ProposalInputs(new Workload(0, 0, 0, 0, 1, null), WorkedExample.answers(),
                Constraints.none(), List.of()), A);
        assertThat(r.tier(Tier.FRONTIER_CLOSED).monthlyCost()).isZero();
        assertThat(r.tier(Tier.SELF_HOSTED).cost().capacity().replicas()).isEqualTo(2);
        assertThat(r.recommended()).isEqualTo(Tier.FRONTIER_CLOSED);
    }
}
