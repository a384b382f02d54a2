package org.hostingreview.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.support.AuditLog;
import org.hostingreview.support.Demo;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PricingCatalogTest {

    @Inject
    EntityManager em;

    @Test
    void everyoneReadsTheCatalogWithSourcesAndHistory() {
        WebSession.as("priya").get("/pricing").then().statusCode(200)
                .body(containsString("gpt-4.1"))
                .body(containsString("https://openai.com/api/pricing/"))
                .body(containsString("H100 80GB"))
                .body(containsString("in force"))
                .body(containsString(">stale<"))
                .body(org.hamcrest.Matchers.not(containsString("Add model price")));
    }

    @Test
    void theSeedCitesEnoughModelsProvidersAndGpus() {
        long frontier = count("select count(distinct model) from model_price where tier = 'FRONTIER_CLOSED'");
        long open = count("select count(distinct model) from model_price where tier = 'HOSTED_OPEN'");
        long providers = count("select count(distinct provider) from model_price where tier = 'HOSTED_OPEN'");
        long gpus = count("select count(distinct gpu) from gpu_price");
        long unsourced = count("select count(*) from model_price where source is null or source = ''");
        assertThat(frontier).isGreaterThanOrEqualTo(3);
        assertThat(open).isGreaterThanOrEqualTo(5);
        assertThat(providers).isGreaterThanOrEqualTo(2);
        assertThat(gpus).isGreaterThanOrEqualTo(3);
        assertThat(unsourced).isZero();
    }

    @Test
    void aProposerCannotAddValues() {
        WebSession.as("priya").post("/pricing/gpu-prices", "gpu", "H100 80GB", "memoryGb", "80", "usdPerHour", "0.5",
                "effectiveFrom", "2026-01-01", "source", "x", "checkedOn", "2026-01-01").then().statusCode(403);
    }

    @Test
    void anAdminAddsAPriceThatIsAuditedAndSeesWhichProposalsItChanges() {
        WebSession admin = WebSession.as("dana");
        long before = AuditLog.maxId();

        var added = admin.post("/pricing/model-prices", WebSession.pairs("provider", "Together", "model", "llama-3-70b", "tier",
                "HOSTED_OPEN", "inputUsdPerMTok", "0.56", "outputUsdPerMTok", "0.56", "cachedInputUsdPerMTok", "",
                "effectiveFrom", "2027-06-01", "source", "https://www.together.ai/pricing", "checkedOn", "2026-11-27"));

        added.then().statusCode(303);
        String location = added.getHeader("Location");
        assertThat(location).contains("/pricing/changes?ref=model_price:");
        assertThat(AuditLog.since(before, "CATALOG_VALUE_ADDED")).hasSize(1);
        admin.get(location.replaceAll("^https?://[^/]+", "")).then().statusCode(200)
                .body(containsString("Together llama-3-70b: $0.56 in / $0.56 out"))
                .body(containsString("#" + Demo.workedExample() + " " + Demo.WORKED_EXAMPLE))
                .body(containsString("Hosted $19.7k"))
                .body(containsString("Hosted $18.2k"));
        // costed as of today the proposal keeps the old price; as of a day after the new one takes effect, it uses it
        WebSession priya = WebSession.as("priya");
        priya.get("/proposals/" + Demo.workedExample()).then().body(containsString("$19.7k"));
        priya.get("/proposals/" + Demo.workedExample() + "?asOf=2027-06-02").then().body(containsString("$18.2k"));
    }

    @Test
    void badCatalogInputIsRefusedWithMessages() {
        WebSession admin = WebSession.as("dana");
        admin.post("/pricing/policies", "param", "headroom", "value", "7", "effectiveFrom", "soon", "source", "", "checkedOn",
                "2999-01-01").then().statusCode(400)
                .body(containsString("Planning headroom takes a value from 0.05 to 1."))
                .body(containsString("Enter a date as YYYY-MM-DD."))
                .body(containsString("Give the source or the reason."));
    }

    @Test
    void catalogRowsCannotBeChangedInTheDatabase() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(
                () -> em.createNativeQuery("update gpu_price set usd_per_hour = 0.01").executeUpdate()))
                .hasStackTraceContaining("effective-dated");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
