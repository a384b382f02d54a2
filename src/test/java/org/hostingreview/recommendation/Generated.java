package org.hostingreview.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;

/**
 * Generated proposals and catalogs for the property tests: volumes from a handful of requests to a trillion a month
 * (log-uniform), every tier today, every constraint, scores on both scales and in two eval sets, and catalog values
 * across their plausible ranges, so every rule and every branch of the pick is reached many times.
 */
final class Generated {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    private Generated() {
    }

    /** A case: the proposal and the catalog it is costed with. */
    record Case(ProposalInputs inputs, Assumptions assumptions) {
    }

    static Arbitrary<Case> cases() {
        return Combinators.combine(workloads(), answers(), constraints(), scores(), assumptions()).as(
                (w, ans, c, s, a) -> new Case(new ProposalInputs(w, ans, c, s), a));
    }

    static Arbitrary<Long> logLong(double fromExp, double toExp) {
        return Arbitraries.doubles().between(fromExp, toExp).map(e -> (long) Math.floor(Math.pow(10, e)));
    }

    static Arbitrary<Workload> workloads() {
        return Combinators.combine(logLong(0, 12), logLong(0, 6), logLong(0, 5),
                Arbitraries.doubles().between(0, 1).injectDuplicates(0.05).edgeCases(e -> e.add(0.0).add(1.0)),
                Arbitraries.doubles().between(1, 40), Arbitraries.integers().between(20, 3000).injectNull(0.7))
                .as((r, i, o, c, p, t) -> new Workload(r, i, o, c, p, t));
    }

    static Arbitrary<Answers> answers() {
        Arbitrary<Answers> partial = Combinators.combine(Arbitraries.doubles().between(0, 3_000_000).injectNull(0.3),
                Arbitraries.integers().between(0, 6).injectNull(0.15), Arbitraries.of(true, false).injectNull(0.2),
                Arbitraries.doubles().between(0, 12).injectNull(0.3), Arbitraries.of("platform team", "").injectNull(0.2),
                Arbitraries.of("set-a", "").injectNull(0.15), Arbitraries.doubles().between(0, 300_000).injectNull(0.5),
                Arbitraries.of(Tier.values()).injectNull(0.1))
                .as((spend, mlOps, hires, months, owner, set, estimate, tier) -> new Answers(spend, mlOps, hires, months, owner, set,
                        estimate, tier, null));
        return Combinators.combine(partial, Arbitraries.integers().between(1, 6).injectNull(0.7)).as((ans, planned) -> new Answers(
                ans.currentMonthlySpendUsd(), ans.mlOpsEngineers(), ans.hiresPlanned(), ans.hostedOpenMonthsRun(),
                ans.upgradeOwner(), ans.evalSet(), ans.selfHostEstimateUsd(), ans.currentTier(), planned));
    }

    static Arbitrary<Constraints> constraints() {
        Arbitrary<Boolean> rare = Arbitraries.integers().between(0, 6).map(n -> n == 0);
        Arbitrary<Constraints> partial = Combinators.combine(rare, rare, rare, rare, rare, rare, rare, rare).as(
                (residency, airGap, repro, custom, broad, iterating, infra, sovereign) -> new Constraints(residency, airGap, repro,
                        custom, broad, iterating, infra, sovereign, false));
        return Combinators.combine(partial, rare).as((c, moat) -> new Constraints(c.dataResidency(), c.airGapped(),
                c.reproducibilityRequired(), c.customWeights(), c.broadCapabilities(), c.iteratingFast(), c.aiInfraCompany(),
                c.sovereign(), moat));
    }

    static Arbitrary<List<Score>> scores() {
        Arbitrary<Score> score = Combinators.combine(Arbitraries.of("gpt-4.1", "llama-3-70b", "qwen-72b", "mistral-large"),
                Arbitraries.of(Score.Role.values()), Arbitraries.doubles().between(0, 1), Arbitraries.of(100.0, 100.0, 100.0, 1.0),
                Arbitraries.of("set-a", "set-a", "set-b").injectNull(0.2))
                .as((model, role, share, scale, set) -> new Score(model, role, Math.round(share * scale * 100) / 100.0, scale, set));
        return score.list().ofMaxSize(4).map(ArrayList::new);
    }

    static Arbitrary<Assumptions> assumptions() {
        Arbitrary<Assumptions> prices = Combinators.combine(Arbitraries.doubles().between(0.1, 20), Arbitraries.doubles().between(0.4, 80),
                Arbitraries.doubles().between(0.02, 3), Arbitraries.doubles().between(0.02, 5), Arbitraries.doubles().between(0.5, 8),
                Arbitraries.integers().between(1, 8), Arbitraries.doubles().between(500, 60_000))
                .as((fin, fout, hin, hout, gpu, perReplica, tps) -> Assumptions.defaults(AS_OF)
                        .with(Param.FRONTIER_INPUT, fin, ValueSource.override()).with(Param.FRONTIER_OUTPUT, fout, ValueSource.override())
                        .with(Param.FRONTIER_CACHED_INPUT, fin / 4, ValueSource.override())
                        .with(Param.HOSTED_OPEN_INPUT, hin, ValueSource.override()).with(Param.HOSTED_OPEN_OUTPUT, hout, ValueSource.override())
                        .with(Param.HOSTED_OPEN_CACHED_INPUT, hin, ValueSource.override())
                        .with(Param.GPU_USD_PER_HOUR, gpu, ValueSource.override())
                        .with(Param.GPUS_PER_REPLICA, perReplica, ValueSource.override())
                        .with(Param.REPLICA_TOKENS_PER_SECOND, tps, ValueSource.override()));
        // market-numbers inputs: two serving rates (blended rate 0) or one, GPU procurement, 24×7 staffing, fleet staffing
        Arbitrary<Assumptions> withMarket = Combinators.combine(prices, Arbitraries.of(true, false),
                Arbitraries.doubles().between(2_000, 40_000), Arbitraries.doubles().between(500, 12_000), Arbitraries.of(0, 1, 3, 4),
                Arbitraries.of(0.0, 1.0), Arbitraries.integers().between(8, 128))
                .as((a, twoRates, prefill, decode, procurement, support, perEngineer) -> (twoRates
                        ? a.with(Param.REPLICA_TOKENS_PER_SECOND, 0, ValueSource.override())
                                .with(Param.PREFILL_TOKENS_PER_SECOND, prefill, ValueSource.override())
                                .with(Param.DECODE_TOKENS_PER_SECOND, decode, ValueSource.override()) : a)
                        .with(Param.GPU_PROCUREMENT, procurement, ValueSource.override())
                        .with(Param.SUPPORT_24X7, support, ValueSource.override())
                        .with(Param.GPUS_PER_ENGINEER, perEngineer, ValueSource.override()));
        return Combinators.combine(withMarket, Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 5_000), Arbitraries.integers().between(0, 24),
                Arbitraries.integers().between(0, 12), Arbitraries.of(0.0, 1.0))
                .as((a, min, spare, ftes, tooling, build, weeks, credit) -> a
                        .with(Param.MIN_REPLICAS, min, ValueSource.override()).with(Param.SPARE_REPLICAS, spare, ValueSource.override())
                        .with(Param.ML_OPS_FTES, ftes, ValueSource.override()).with(Param.TOOLING, tooling, ValueSource.override())
                        .with(Param.BUILD_EFFORT, build, ValueSource.override()).with(Param.MIGRATION_WEEKS, weeks, ValueSource.override())
                        .with(Param.CREDIT_EXISTING_ML_OPS, credit, ValueSource.override()));
    }
}
