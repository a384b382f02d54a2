package org.hostingreview.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Providers, price modes and the market's list prices, each traceable to its source and check date. */
@QuarkusTest
class MarketPricesTest {

    @Inject
    EntityManager em;

    @Test
    void currentFrontierModelsAreSeededWithTheirSourcesAndTheDayTheyWereChecked() {
        List<Object> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select model from model_price where tier = 'FRONTIER_CLOSED' and checked_on = date '2026-12-01'"
                        + " and source like 'https://%' and basis = 'LIST_PRICE'").getResultList().stream().map(Object.class::cast).toList());
        assertThat(rows).contains("gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-5", "claude-sonnet-4", "claude-opus-4.5");
    }

    @Test
    void theFrameworksBlendIsLabelledAnAssumptionAndCorrectedByTogethersListPrice() {
        String page = WebSession.as("priya").get("/pricing").then().statusCode(200).extract().asString();
        assertThat(page).contains("$0.28 in &middot; $0.28 out per 1M tokens &mdash; framework assumption")
                .contains("$0.88 in &middot; $0.88 out &middot; batch $0.44 / $0.44 per 1M tokens &mdash; list price")
                .contains("superseded: corrected by a newer row")
                .contains("$3 in &middot; $15 out &middot; $0.3 cached &middot; batch $1.5 / $7.5 &middot; cache write $3.75 per 1M tokens &mdash; list price")
                .contains("Groq").contains("DeepInfra").contains("Fireworks");
    }

    @Test
    void aProposalNamesTheProviderItsCandidateIsPricedAt() {
        WebSession priya = WebSession.as("priya");
        Map<String, Object> first = new LinkedHashMap<>(ProposalFixtures.step1("Priced at Together", "Together feature " + System.nanoTime()));
        first.put("candidateProvider", "Together");
        first.put("batchShare", "0.5");
        first.put("acknowledgeDuplicate", "on");
        String location = priya.post("/proposals", first).then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/proposals/(\\d+)/steps/2$", "$1"));

        String page = priya.get("/proposals/" + id).then().statusCode(200).extract().asString();
        // Together at $0.88, half the requests at the batch price $0.44: 30M × 1,083 × $0.66 = $21.4k
        assertThat(page).contains("Together llama-3-70b (list price)").contains("$21.4k")
                .contains("50% of requests through the batch API at $0.44 in / $0.44 out")
                .contains("batch for 0.5 of requests");
    }

    @Test
    void aListPriceMustNameAKnownProviderOfItsTier() {
        WebSession admin = WebSession.as("dana");
        admin.post("/pricing/model-prices", WebSession.pairs("provider", "Nobody Cloud", "model", "llama-3-70b", "tier", "HOSTED_OPEN",
                "inputUsdPerMTok", "0.5", "outputUsdPerMTok", "0.5", "cachedInputUsdPerMTok", "", "effectiveFrom", "2026-12-01",
                "source", "https://example.com", "checkedOn", "2026-12-01")).then().statusCode(400)
                .body(containsString("Add the provider first"))
                .body(containsString("value=\"Nobody Cloud\""));
        admin.post("/pricing/model-prices", WebSession.pairs("provider", "Groq", "model", "gpt-4.1", "tier", "FRONTIER_CLOSED",
                "inputUsdPerMTok", "0.5", "outputUsdPerMTok", "0.5", "cachedInputUsdPerMTok", "", "effectiveFrom", "2026-12-01",
                "source", "https://example.com", "checkedOn", "2026-12-01")).then().statusCode(400)
                .body(containsString("Groq is a Hosted open weights provider."));
    }

    @Test
    void aProposalBuyingItsGpusWithTwentyFourSevenSupportShowsEachLineItem() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.complete(priya, "Bought GPUs", "Bought GPUs " + System.nanoTime());
        ProposalFixtures.save(priya, id, 7, WebSession.pairs("selfHostEstimateUsd", "4000", "gpuProcurement", "PURCHASED",
                "support24x7", "on")).then().statusCode(303);
        String page = priya.get("/proposals/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("GPU power").contains("Colocation")
                .contains("purchased at $35,000 per GPU, depreciated over 48 months")
                .contains("8 GPUs &times; 1.275 kW &times; PUE 1.3 &times; $0.12/kWh &times; 730 h")
                .contains("24&times;7 on-call minimum 4")
                .contains("GPUs purchased; 24&times;7 support required.");
        ProposalFixtures.save(priya, id, 7, WebSession.pairs("gpuProcurement", "RENTED_FROM_A_FRIEND")).then().statusCode(400);
    }
}
