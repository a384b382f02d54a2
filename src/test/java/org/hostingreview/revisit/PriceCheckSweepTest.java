package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The sweep's price check re-costs every approved decision only when the prices in force changed since its last
 * completed check; otherwise only the decisions written since. A price entered ahead of its date still re-opens the
 * decisions it moves on the first sweep after it takes effect. (Its own app: the clock moves a day.)
 */
@QuarkusTest
@TestProfile(RevisitClockProfile.class)
class PriceCheckSweepTest {

    @Inject
    RevisitJob job;

    @Inject
    RevisitService revisits;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void aPriceEnteredAheadOfItsDateReopensTheDecisionOnTheFirstSweepAfterItTakesEffect() {
        String model = "ahead-" + System.nanoTime();
        WebSession dana = WebSession.as("dana");
        PriceChangeTest.addPrice(dana, "Together", model, "1.00", TestClock.appToday().minusDays(1));
        long id = PriceChangeTest.approvedOn(model);
        job.run();
        assertThat(job.run().fullPriceCheck()).as("nothing changed since the last check").isFalse();

        PriceChangeTest.addPrice(dana, "Together", model, "1.30", TestClock.appToday().plusDays(1));
        RevisitService.Sweep today = job.run();
        assertThat(today.fullPriceCheck()).as("the new price is not in force yet").isFalse();
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);

        clock.jumpTo(1);
        RevisitService.Sweep tomorrow = job.run();
        assertThat(tomorrow.fullPriceCheck()).as("a price came into force").isTrue();
        assertThat(tomorrow.repriced()).isGreaterThanOrEqualTo(1);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        assertThat(RevisitFixtures.load(id).dueReasons).anyMatch(r -> r.label().startsWith("PRICE_CHANGED: ") && r.label().contains("+30%"));
        assertThat(job.run().fullPriceCheck()).isFalse();

        clock.reset();
        assertThat(job.run().fullPriceCheck()).as("back to today: other prices in force, and the last check covers a time still to come").isTrue();
    }

    @Test
    void withTheSamePricesTheCheckLeavesOutTheDecisionsWrittenBeforeTheLastCheckBegan() {
        WebSession dana = WebSession.as("dana");
        // a price that moved, on a model no decision is costed with: the re-check after it re-opens nothing
        String moved = "moved-" + System.nanoTime();
        PriceChangeTest.addPrice(dana, "Together", moved, "1.00", TestClock.appToday().minusDays(2));
        PriceChangeTest.addPrice(dana, "Together", moved, "2.00", TestClock.appToday().minusDays(1));
        String model = "kept-" + System.nanoTime();
        PriceChangeTest.addPrice(dana, "Together", model, "1.00", TestClock.appToday().minusDays(2));
        long id = PriceChangeTest.approvedOn(model);
        // the decision is said to have used the replaced row (its snapshot did not, so re-costing it moves nothing)
        Instant written = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into review_catalog_ref (review_id, ref) select r.id, 'model_price:' || m.id from review r, "
                    + "model_price m where r.proposal_id = ?1 and r.completes_decision and m.model = ?2 and m.input_usd_per_mtok = 1.00")
                    .setParameter(1, id).setParameter(2, moved).executeUpdate();
            long micros = ((Number) em.createNativeQuery("select cast(extract(epoch from updated_at) * 1000000 as bigint) "
                    + "from proposal where id = ?1").setParameter(1, id).getSingleResult()).longValue();
            return Instant.EPOCH.plus(Duration.ofNanos(micros * 1000));
        });
        RevisitService.PriceMoments moments = QuarkusTransaction.requiringNew().call(revisits::priceMoments);

        assertThat(QuarkusTransaction.requiringNew().call(() -> revisits.repriceCandidates(id - 1, moments, null)))
                .as("every decision").startsWith(id);
        long review = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select max(id) from review "
                + "where proposal_id = ?1").setParameter(1, id).getSingleResult()).longValue());
        assertThat(QuarkusTransaction.requiringNew().call(() -> revisits.repriceCandidates(id - 1, moments,
                new RevisitService.Written(written.minusSeconds(1), review)))).as("written since").startsWith(id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> revisits.repriceCandidates(id - 1, moments,
                new RevisitService.Written(written.plus(Duration.ofSeconds(1)), review - 1)))).as("approved since").startsWith(id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> revisits.repriceCandidates(id - 1, moments,
                new RevisitService.Written(written.plus(Duration.ofSeconds(1)), review)))).as("written before").doesNotContain(id);

        RevisitService.Sweep sweep = job.run();
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);
        assertThat(job.run().fullPriceCheck()).isFalse();
        assertThat(sweep.repriced()).isZero();
    }
}
