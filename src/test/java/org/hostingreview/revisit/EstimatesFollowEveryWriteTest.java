package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Estimates;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.CatalogRecheck;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every write that changes what a proposal is costed on leaves its stored estimate equal to costing it afresh, and
 * not stale (the database marks an estimate stale when a costing input changes and no code re-costs it in the same
 * transaction): intake steps, eval runs, submission, decision, check-in re-opening, supersede and a catalog change.
 */
@QuarkusTest
class EstimatesFollowEveryWriteTest {

    @Inject
    CostingService costing;

    @Inject
    Estimates estimates;

    @Inject
    EntityManager em;

    record Stored(boolean stale, boolean inPortfolio, Tier recommended, double hostedOpen, double frontier, double spend,
            double under, LocalDate asOf) {
    }

    @Test
    void everyWritePathLeavesTheStoredEstimateEqualToAFreshCosting() {
        String model = "estimated-" + System.nanoTime();
        WebSession dana = WebSession.as("dana");
        addPrice(dana, model, "1.00", TestClock.appToday().minusDays(1));
        WebSession priya = WebSession.as("priya");
        Map<String, Object> first = new LinkedHashMap<>(ProposalFixtures.step1("Estimated on " + model, "Estimated " + model));
        first.put("candidateModels", model);
        first.put("acknowledgeDuplicate", "on");
        String location = priya.post("/proposals", first).getHeader("Location");
        long id = Long.parseLong(location.replaceAll(".*/proposals/(\\d+)/steps/2$", "$1"));
        Stored created = fresh(id, "created at step 1");

        first.put("requestsPerMonth", "90,000,000");
        ProposalFixtures.save(priya, id, 1, first).then().statusCode(303);
        Stored tripled = fresh(id, "step 1 saved at three times the volume");
        assertThat(tripled.frontier()).isGreaterThan(created.frontier() * 2.5);

        ProposalFixtures.laterSteps().forEach((step, fields) -> {
            ProposalFixtures.save(priya, id, step, fields).then().statusCode(303);
            fresh(id, "step " + step + " saved");
        });
        assertThat(stored(id).spend()).isEqualTo(80_000);

        priya.post("/proposals/" + id + "/evals", WebSession.pairs("model", model, "role", "CANDIDATE", "tier", "HOSTED_OPEN",
                "evalSet", "doc-classes-2k", "sampleSize", "2000", "scoreKind", "SCORE", "score", "90", "runDate",
                TestClock.appToday().minusDays(2).toString(), "notes", "")).then().statusCode(303);
        fresh(id, "eval run added");

        priya.post("/proposals/" + id + "/submit", "version", ProposalFixtures.version(id)).then().statusCode(303);
        fresh(id, "submitted");
        for (String reviewer : List.of("rachel", "dana")) {
            if (RevisitFixtures.load(id).status == ProposalStatus.SUBMITTED) {
                ReviewFixtures.review(WebSession.as(reviewer), id, "APPROVE", null, null).then().statusCode(303);
            }
        }
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);
        assertThat(fresh(id, "approved").inPortfolio()).isTrue();

        priya.post("/proposals/" + id + "/checkins", RevisitFixtures.monthAt(630_000_000, RevisitFixtures.decidedCost(id) * 7))
                .then().statusCode(303);
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        fresh(id, "re-opened by a check-in");

        ReviewFixtures.review(WebSession.as("rachel"), id, "SUPERSEDE", null, null).then().statusCode(303);
        long successor = RevisitFixtures.load(id).supersededById;
        assertThat(stored(id).inPortfolio()).as("the superseded decision left the portfolio").isFalse();
        Stored draft = fresh(successor, "the superseding draft");
        assertThat(draft.inPortfolio()).isTrue();

        Stored before = stored(successor);
        addPrice(dana, model, "3.00", TestClock.appToday());
        Stored after = fresh(successor, "re-costed after the catalog change");
        assertThat(after.hostedOpen()).isGreaterThan(before.hostedOpen());
    }

    @Test
    void aCostingInputChangedBehindTheAppsBackMarksTheEstimateStaleAndTheRefreshJobRecostsIt() {
        long id = ProposalFixtures.complete(WebSession.as("priya"), "Changed behind its back", "Behind " + System.nanoTime());
        fresh(id, "complete");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update proposal set requests_per_month = requests_per_month * 4 where id = ?1").setParameter(1, id).executeUpdate());
        assertThat(stored(id).stale()).isTrue();

        estimates.refreshAll(Estimates.Scope.OUTDATED, n -> {
        });
        fresh(id, "re-costed by the refresh job");
    }

    /** Asserts the stored estimate is not stale and equals a fresh costing (with the catalog of its day); returns it. */
    private Stored fresh(long id, String after) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Stored stored = stored(id);
            assertThat(stored).as("estimate of #%d after: %s", id, after).isNotNull();
            assertThat(stored.stale()).as("#%d stale after: %s", id, after).isFalse();
            assertThat(stored.asOf()).as("#%d costed as of", id).isEqualTo(costing.today());
            Proposal p = Proposal.findById(id);
            Estimates.Estimate e = Estimates.of(p, EvalResult.ofProposal(id), costing.snapshot(stored.asOf()), costing, stored.asOf());
            assertThat(stored.recommended()).as("#%d recommended after: %s", id, after).isEqualTo(e.recommended());
            assertThat(stored.hostedOpen()).as("#%d hosted-open after: %s", id, after).isCloseTo(e.hostedOpen(), within(1e-5));
            assertThat(stored.frontier()).as("#%d frontier after: %s", id, after).isCloseTo(e.frontier(), within(1e-5));
            assertThat(stored.spend()).as("#%d spend after: %s", id, after).isCloseTo(e.spendToday(), within(1e-5));
            assertThat(stored.under()).as("#%d under after: %s", id, after).isCloseTo(e.underRecommendation(), within(1e-5));
            return stored;
        });
    }

    private Stored stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select stale, in_portfolio, recommended_tier, hosted_open_usd, frontier_usd, "
                    + "spend_today_usd, under_recommendation_usd, catalog_as_of from proposal_estimate where proposal_id = ?1")
                    .setParameter(1, id).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] r = rows.get(0);
            return new Stored((Boolean) r[0], (Boolean) r[1], Tier.valueOf((String) r[2]), ((Number) r[3]).doubleValue(),
                    ((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue(),
                    r[7] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[7]);
        });
    }

    private static void addPrice(WebSession admin, String model, String price, LocalDate from) {
        CatalogRecheck.awaitDone(admin, admin.post("/pricing/model-prices", WebSession.pairs("provider", "Together", "model", model,
                "tier", "HOSTED_OPEN", "inputUsdPerMTok", price, "outputUsdPerMTok", price, "cachedInputUsdPerMTok", "",
                "effectiveFrom", from.toString(), "source", "test", "checkedOn", TestClock.appToday().toString())));
    }
}
