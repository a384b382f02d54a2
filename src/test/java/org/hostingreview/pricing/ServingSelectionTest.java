package org.hostingreview.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.SelfHostedCapacity;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.Workload;
import org.junit.jupiter.api.Test;

/** The proposal's latency targets select the serving rate measured at or under them (plain Java, no database). */
class ServingSelectionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static long ids = 1;

    private static ServingThroughput row(Integer ttft, Integer itl, double prefill, double decode, LocalDate from) {
        ServingThroughput t = new ServingThroughput();
        t.id = ids++;
        t.model = "llama-3-70b";
        t.gpu = "H100 80GB";
        t.gpusPerReplica = 2;
        t.precision = ttft == null ? null : "FP8";
        t.ttftMs = ttft;
        t.itlMs = itl;
        t.prefillTokensPerSecond = BigDecimal.valueOf(prefill);
        t.decodeTokensPerSecond = BigDecimal.valueOf(decode);
        t.sourceKind = ServingThroughput.SourceKind.ESTIMATE;
        t.method = "test";
        t.effectiveFrom = from;
        t.source = "test";
        t.checkedOn = DAY;
        return t;
    }

    private static ServingThroughput blended(double tokens) {
        ServingThroughput t = row(null, null, 1, 1, LocalDate.of(2025, 1, 1));
        t.prefillTokensPerSecond = null;
        t.decodeTokensPerSecond = null;
        t.tokensPerSecond = BigDecimal.valueOf(tokens);
        return t;
    }

    private static GpuPrice h100() {
        GpuPrice g = new GpuPrice();
        g.id = 1L;
        g.gpu = "H100 80GB";
        g.memoryGb = 80;
        g.usdPerHour = new BigDecimal("2.74");
        g.effectiveFrom = LocalDate.of(2025, 1, 1);
        g.source = "test";
        g.checkedOn = DAY;
        return g;
    }

    private static final List<ServingThroughput> ROWS = List.of(
            row(2000, 200, 14_000, 5_401, LocalDate.of(2025, 1, 1)),
            row(450, 40, 9_000, 2_700, LocalDate.of(2025, 1, 1)));

    private static CatalogSnapshot.Resolution resolve(List<ServingThroughput> rows, Integer ttft, Integer itl) {
        CatalogSnapshot snapshot = new CatalogSnapshot(DAY, List.of(), List.of(h100()), rows, List.of());
        return snapshot.resolve(new CatalogSnapshot.Request(null, "gpt-4.1", Tier.FRONTIER_CLOSED, List.of("llama-3-70b"), null,
                83, 1000, 0, ttft, itl, null));
    }

    private static long replicas(CatalogSnapshot.Resolution r) {
        return SelfHostedCapacity.plan(new Workload(30_000_000, 83, 1000, 0, 2, r.serving().ttftMs), r.assumptions()).replicas();
    }

    @Test
    void withoutTargetsTheCatalogDefaultsPickTheServerScenarioRate() {
        CatalogSnapshot.Resolution r = resolve(ROWS, null, null);
        assertThat(r.serving().ttftMs).isEqualTo(2000);
        assertThat(r.assumptions().get(Param.DECODE_TOKENS_PER_SECOND)).isEqualTo(5_401);
        assertThat(r.assumptions().source(Param.DECODE_TOKENS_PER_SECOND).describes())
                .contains("p99 TTFT ≤ 2,000 ms, ITL ≤ 200 ms").contains("estimated: test");
    }

    @Test
    void aTighterTargetMeansFewerTokensPerReplicaAndAtLeastAsManyReplicas() {
        CatalogSnapshot.Resolution loose = resolve(ROWS, 2000, 200);
        CatalogSnapshot.Resolution tight = resolve(ROWS, 500, 50);
        assertThat(tight.assumptions().get(Param.DECODE_TOKENS_PER_SECOND))
                .isLessThan(loose.assumptions().get(Param.DECODE_TOKENS_PER_SECOND));
        assertThat(replicas(tight)).isGreaterThanOrEqualTo(replicas(loose)).isGreaterThan(replicas(loose));
        assertThat(tight.notes()).noneSatisfy(n -> assertThat(n).contains("measured at or under"));
    }

    @Test
    void aTargetNoRowMeetsIsSizedOnTheTightestRowWithANote() {
        CatalogSnapshot.Resolution r = resolve(ROWS, 100, 20);
        assertThat(r.serving().ttftMs).isEqualTo(450);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("No rate for llama-3-70b was measured at or under")
                .contains("100 ms"));
    }

    @Test
    void aCorrectionWithTheSameKeyReplacesTheWrongRowAndOneBlendedRateIsUsedOnlyWithoutTwoRates() {
        ServingThroughput wrong = blended(30_000);
        CatalogSnapshot.Resolution legacy = resolve(List.of(wrong), null, null);
        assertThat(legacy.assumptions().get(Param.REPLICA_TOKENS_PER_SECOND)).isEqualTo(30_000);
        assertThat(legacy.notes()).anySatisfy(n -> assertThat(n).contains("one blended rate"));

        ServingThroughput correction = row(null, null, 14_000, 6_131, LocalDate.of(2025, 1, 1));
        CatalogSnapshot snapshot = new CatalogSnapshot(DAY, List.of(), List.of(h100()), List.of(wrong, correction), List.of());
        assertThat(snapshot.throughputs()).containsExactly(correction);
    }

    private static ModelPrice price(String provider, String model, double in, double out) {
        ModelPrice p = new ModelPrice();
        p.id = ids++;
        p.provider = provider;
        p.model = model;
        p.tier = Tier.HOSTED_OPEN;
        p.inputUsdPerMTok = BigDecimal.valueOf(in);
        p.outputUsdPerMTok = BigDecimal.valueOf(out);
        p.effectiveFrom = LocalDate.of(2025, 1, 1);
        p.source = "https://example.com";
        p.checkedOn = DAY;
        return p;
    }

    @Test
    void aHostedOpenIncumbentIsPricedAtItsOwnProviderNotTheCheapest() {
        List<ModelPrice> prices = List.of(price("Groq", "llama-3-70b", 0.59, 0.79), price("Together", "llama-3-70b", 0.88, 0.88));
        CatalogSnapshot snapshot = new CatalogSnapshot(DAY, prices, List.of(h100()), ROWS, List.of());
        CatalogSnapshot.Resolution own = snapshot.resolve(new CatalogSnapshot.Request("Together", "llama-3-70b", Tier.HOSTED_OPEN,
                List.of("llama-3-70b"), null, 1000, 83, 0, null, null, null));
        assertThat(own.hostedOpen().provider).isEqualTo("Together");
        CatalogSnapshot.Resolution cheapest = snapshot.resolve(new CatalogSnapshot.Request("OpenAI", "gpt-4.1", Tier.FRONTIER_CLOSED,
                List.of("llama-3-70b"), null, 1000, 83, 0, null, null, null));
        assertThat(cheapest.hostedOpen().provider).isEqualTo("Groq");
        CatalogSnapshot.Resolution named = snapshot.resolve(new CatalogSnapshot.Request("OpenAI", "gpt-4.1", Tier.FRONTIER_CLOSED,
                List.of("llama-3-70b"), null, 1000, 83, 0, null, null, "together"));
        assertThat(named.hostedOpen().provider).isEqualTo("Together");
        assertThat(named.assumptions().source(Param.HOSTED_OPEN_INPUT).describes()).isEqualTo("Together llama-3-70b (list price)");
    }
}
