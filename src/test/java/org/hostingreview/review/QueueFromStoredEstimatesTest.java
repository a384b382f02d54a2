package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.account.UserAccount;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Estimates;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.Statements;
import org.hostingreview.support.WebSession;
import org.hostingreview.web.Formats;
import org.hostingreview.web.SignedInUser;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The review queue reads each row's recommended tier and spend at stake from the stored estimate where it is fresh,
 * and costs the others: what a reviewer sees is what a fresh costing says, whatever the estimate holds.
 */
@QuarkusTest
class QueueFromStoredEstimatesTest {

    private static final Pattern ROW = Pattern.compile("<a href=\"/proposals/(\\d+)#review\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern APPROVALS = Pattern.compile("data-label=\"Approvals\">(\\d+) of (\\d+)</td>");
    private static final Pattern STAKE = Pattern.compile("data-label=\"Spend at stake\">([^<]*)</td>");
    private static final Pattern RECOMMENDED = Pattern.compile("data-label=\"Recommended\">([^<]*)</td>");

    @Inject
    EntityManager em;

    @Inject
    CostingService costing;

    @Inject
    ReviewService reviews;

    @Inject
    Estimates estimates;

    /**
     * The queue only reads, so it runs without a transaction of its own, as the proposals list does: no COMMIT and no
     * flush at its end (20-25 % less of the app's CPU per page at 100x). Hibernate counts each transaction it took part
     * in; the fewest of three calls, since a background job's transaction may be counted meanwhile.
     */
    @Test
    void theQueueReadsOutsideATransaction() {
        SignedInUser rachel = QuarkusTransaction.requiringNew().call(() -> {
            UserAccount user = UserAccount.findFull("rachel").orElseThrow();
            return new SignedInUser(user.id, user.username, user.displayName, user.team.id, user.team.name, user.roles);
        });
        assertThat(Statements.fewestTransactions(() -> assertThat(reviews.queueView(rachel, null, null, null, null).page().rows())
                .isNotEmpty())).isZero();
        assertThat(Statements.fewestTransactions(() -> QuarkusTransaction.requiringNew()
                .run(() -> reviews.queueView(rachel, null, null, null, null)))).as("a transaction is counted when there is one")
                .isPositive();
    }

    /** What a fresh costing (as the queue costed every row before) says of a proposal: recommended, stake, approvals needed. */
    private record Costed(Tier recommended, double stake, int needed) {
    }

    private Costed costedNow(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Proposal p = em.find(Proposal.class, id);
            Map<Long, List<EvalResult>> runs = costing.runsOf(List.of(p));
            CatalogSnapshot catalog = costing.snapshot(costing.today());
            Costing c = costing.cost(p, runs.getOrDefault(id, List.of()), catalog);
            Tier recommended = c.recommendation().recommended();
            return new Costed(recommended, ReviewService.stake(c, recommended), reviews.needed(c, recommended));
        });
    }

    @Test
    void everyStoredEstimateGivesTheStakeAndApprovalsNeededAFreshCostingGives() {
        @SuppressWarnings("unchecked")
        List<Object[]> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select e.proposal_id, "
                + "e.recommended_tier, e.spend_today_usd, e.under_recommendation_usd from proposal_estimate e where "
                + Estimates.fresh("e", ":today") + " order by e.proposal_id").setParameter("today", costing.today()).getResultList());
        assertThat(stored).as("the demo's proposals have fresh stored estimates").hasSizeGreaterThan(20);
        int secondApprovals = 0;
        for (Object[] row : stored) {
            long id = ((Number) row[0]).longValue();
            Costed now = costedNow(id);
            Tier recommended = Tier.valueOf((String) row[1]);
            double stake = ReviewService.stake(((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue());
            assertThat(recommended).as("#" + id + " recommended").isEqualTo(now.recommended());
            assertThat(Formats.usd(stake)).as("#" + id + " stake").isEqualTo(Formats.usd(now.stake()));
            assertThat(reviews.needed(recommended, stake)).as("#" + id + " approvals needed").isEqualTo(now.needed());
            secondApprovals += now.needed() == 2 ? 1 : 0;
        }
        assertThat(secondApprovals).as("some need a second approval, some do not").isPositive().isLessThan(stored.size());
    }

    @Test
    void theQueueShowsEachRowAsAFreshCostingDoes() {
        ReviewFixtures.submitted("priya", "80000");
        ReviewFixtures.submitted("priya", "300");
        String page = WebSession.as("rachel").get("/reviews").then().statusCode(200).extract().asString();
        Matcher row = ROW.matcher(page);
        int rows = 0;
        while (row.find()) {
            long id = Long.parseLong(row.group(1));
            assertShownAsCosted(row.group(2), id, costedNow(id));
            rows++;
        }
        assertThat(rows).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStaleOrOutdatedEstimateIsNeverShownAsFresh() {
        long id = ReviewFixtures.submitted("priya", "40000");
        Costed now = costedNow(id);
        WebSession rachel = WebSession.as("rachel");
        String wrong = "under_recommendation_usd = 987654, spend_today_usd = 987654";
        try {
            OwnerDatabase.runAsOwner("update proposal_estimate set " + wrong + ", stale = true where proposal_id = " + id);
            assertShownAsCosted(row(rachel, id), id, now);

            OwnerDatabase.runAsOwner("update proposal_estimate set stale = false, catalog_as_of = date '2000-01-01' "
                    + "where proposal_id = " + id);
            assertShownAsCosted(row(rachel, id), id, now);

            // costed before the latest catalog change (its re-check has not re-costed it yet)
            OwnerDatabase.runAsOwner("update proposal_estimate set catalog_as_of = current_date + 3650 where proposal_id = " + id,
                    "insert into catalog_recheck (ref, actor, requested_at, started_at, finished_at) select 'test:queue', 'test', "
                            + "computed_at + interval '1 second', computed_at, computed_at from proposal_estimate where proposal_id = " + id);
            assertShownAsCosted(row(rachel, id), id, now);

            // the same figures, fresh: the queue reads them as stored (which is why a stale one must not be read)
            OwnerDatabase.runAsOwner("delete from catalog_recheck where ref = 'test:queue'");
            assertThat(row(rachel, id)).contains("$987,654");
        } finally {
            OwnerDatabase.runAsOwner("delete from catalog_recheck where ref = 'test:queue'");
            QuarkusTransaction.requiringNew().run(() -> estimates.refresh(id));
        }
        assertShownAsCosted(row(rachel, id), id, now);
    }

    @Test
    void theQueueAsksTheSameStatementsHoweverManyWait() {
        WebSession rachel = WebSession.as("rachel");
        long template = ReviewFixtures.submitted("priya", "40000");
        long before = statements(rachel, "/reviews");
        OwnerDatabase.runAsOwner("insert into proposal (feature_id, team_id, owner_id, title, status, steps_saved, current_tier, "
                + "requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, updated_at, review_round) select feature_id, team_id, owner_id, "
                + "'Counted ' || g, 'SUBMITTED', steps_saved, current_tier, requests_per_month, input_tokens_per_request, "
                + "output_tokens_per_request, current_monthly_spend_usd, mlops_engineers, now() - g * interval '1 day', "
                + "created_at, now(), 1 from proposal, generate_series(1, 120) g where id = " + template);
        try {
            // inserted behind the app's back: costed on the fly until stored, then read as stored
            String costedOnTheFly = rachel.get("/reviews").then().statusCode(200).extract().asString();
            assertThat(costedOnTheFly).contains("Counted 120");
            estimates.refreshAll(Estimates.Scope.OUTDATED, n -> {
            });
            assertThat(statements(rachel, "/reviews")).isEqualTo(before);
            assertThat(statements(rachel, "/reviews?status=SUBMITTED")).isEqualTo(before);
            // the page's rows with their count, the teams to filter by, and the sign-in's one
            assertThat(before).isLessThanOrEqualTo(3);
        } finally {
            OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN' where title like 'Counted %' and status = 'SUBMITTED'");
        }
    }

    private static void assertShownAsCosted(String row, long id, Costed now) {
        Matcher approvals = APPROVALS.matcher(row);
        assertThat(approvals.find()).as(row).isTrue();
        assertThat(Integer.parseInt(approvals.group(2))).as("#" + id + " approvals needed").isEqualTo(now.needed());
        Matcher stake = STAKE.matcher(row);
        assertThat(stake.find()).as(row).isTrue();
        assertThat(stake.group(1)).as("#" + id + " stake").isEqualTo(Formats.usd(now.stake()));
        Matcher recommended = RECOMMENDED.matcher(row);
        assertThat(recommended.find()).as(row).isTrue();
        assertThat(recommended.group(1)).as("#" + id + " recommended").isEqualTo(now.recommended().label());
    }

    /** The queue's row of this proposal, paging through the queue as a reviewer would. */
    private static String row(WebSession session, long id) {
        String path = "/reviews";
        List<String> seen = new ArrayList<>();
        for (int pages = 0; pages < 100 && path != null; pages++) {
            String page = session.get(path).then().statusCode(200).extract().asString();
            Matcher row = ROW.matcher(page);
            while (row.find()) {
                if (Long.parseLong(row.group(1)) == id) {
                    return row.group(2);
                }
                seen.add(row.group(1));
            }
            Matcher next = Pattern.compile("<a href=\"/reviews(\\?after=[^\"]+)\" id=\"queue-next\">").matcher(page);
            path = next.find() ? "/reviews" + next.group(1).replace("&amp;", "&") : null;
        }
        throw new AssertionError("#" + id + " is not in the queue: " + seen);
    }

    private long statements(WebSession session, String path) {
        return org.hostingreview.support.Statements.ofPage(session, path);
    }
}
