package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A catalog price that moves more than 20% re-opens exactly the approved decisions that were costed with it. */
@QuarkusTest
class PriceChangeTest {

    @Test
    void onlyTheDecisionsUsingAPriceThatMovedMoreThan20PercentReopen() {
        String modelA = "price-a-" + System.nanoTime();
        String modelB = "price-b-" + System.nanoTime();
        WebSession dana = WebSession.as("dana");
        addPrice(dana, modelA, "1.00", TestClock.appToday().minusDays(1));
        addPrice(dana, modelB, "1.00", TestClock.appToday().minusDays(1));
        long a = approvedOn(modelA);
        long b = approvedOn(modelB);
        long auditBefore = AuditLog.maxId();

        addPrice(dana, modelB, "1.15", TestClock.appToday());
        assertThat(AuditLog.since(auditBefore, "PROPOSAL_REOPENED")).as("15% is within the tolerance").isEmpty();

        addPrice(dana, modelA, "1.30", TestClock.appToday());

        assertThat(AuditLog.since(auditBefore, "PROPOSAL_REOPENED")).singleElement()
                .satisfies(e -> assertThat(e.entityId).isEqualTo(String.valueOf(a)));
        assertThat(RevisitFixtures.load(a).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        assertThat(RevisitFixtures.load(a).dueReasons).anyMatch(r -> r.label().startsWith("PRICE_CHANGED: ") && r.label().contains("+30%"));
        assertThat(RevisitFixtures.load(b).status).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void aCheaperRowOfTheSameModelAtAnotherProviderReopensADecisionThatNamedNoProvider() {
        String model = "price-c-" + System.nanoTime();
        WebSession dana = WebSession.as("dana");
        addPrice(dana, "Together", model, "1.00", TestClock.appToday().minusDays(1));
        long id = approvedOn(model);
        long auditBefore = AuditLog.maxId();

        addPrice(dana, "Fireworks", model, "0.50", TestClock.appToday());

        assertThat(AuditLog.since(auditBefore, "PROPOSAL_REOPENED")).singleElement()
                .satisfies(e -> assertThat(e.entityId).isEqualTo(String.valueOf(id)));
        assertThat(RevisitFixtures.load(id).dueReasons).anyMatch(r -> r.label().startsWith("PRICE_CHANGED: ") && r.label().contains("-50%"));
    }

    @Test
    void theAdminsPageSaysTheRecheckRanAndWhatItReopened() {
        String model = "price-d-" + System.nanoTime();
        WebSession dana = WebSession.as("dana");
        addPrice(dana, "Together", model, "1.00", TestClock.appToday().minusDays(1));
        long id = approvedOn(model);

        String page = addPrice(dana, "Together", model, "2.00", TestClock.appToday());

        assertThat(page).contains("Re-check done").contains("1 re-opened").contains("<a href=\"/proposals/" + id + "\">#" + id + "</a>");
    }

    static long approvedOn(String model) {
        long id = ProposalFixtures.submittedWithCandidate(WebSession.as("priya"), "Priced on " + model, model, "3000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", "HOSTED_OPEN", null).then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);
        return id;
    }

    private static void addPrice(WebSession admin, String model, String price, LocalDate from) {
        addPrice(admin, "Together", model, price, from);
    }

    /** Adds a price and waits for the re-check as the admin would, on the change's page (returned). */
    static String addPrice(WebSession admin, String provider, String model, String price, LocalDate from) {
        return org.hostingreview.support.CatalogRecheck.awaitDone(admin, admin.post("/pricing/model-prices", WebSession.pairs("provider", provider, "model", model, "tier", "HOSTED_OPEN",
                "inputUsdPerMTok", price, "outputUsdPerMTok", price, "cachedInputUsdPerMTok", "",
                "effectiveFrom", from.toString(), "source", "test", "checkedOn", TestClock.appToday().toString())));
    }
}
