package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The proposal page reads what it shows in a fixed number of statements, however many reviews, eval runs and
 * check-ins the proposal has, and shows the same volume forecast as the check-ins page, which computes it on its own.
 */
@QuarkusTest
class ProposalPageStatementsTest {

    /**
     * The sign-in's one statement and the page's four: the proposal with the catalog's stamp (its re-validation), the
     * eval runs, the review history, the check-ins (the decision in force is read again only when the forecast's inputs
     * changed). It was six while the stamp had a statement of its own.
     */
    static final long STATEMENTS = 5;


    @Test
    void aDecidedProposalsPageTakesTheSameStatementsWhateverItsReviewsAndCheckins() {
        WebSession rachel = WebSession.as("rachel");
        long one = statements(rachel, "/proposals/1"); // two reviews, no check-in
        assertThat(one).isEqualTo(STATEMENTS);
        assertThat(statements(rachel, "/proposals/10")).isEqualTo(one); // one review
        String forecastBefore = forecast(rachel.get("/proposals/1").then().statusCode(200).extract().asString());
        // six check-ins: enough for a trend, which probes the rules at growing volumes
        OwnerDatabase.runAsOwner("insert into checkin (proposal_id, period_start, period_end, requests, input_tokens_per_request, "
                + "output_tokens_per_request, spend_usd, spend_tier, source, reopened, recommended_tier, entered_by, created_at) "
                + "select 1, date '2026-01-01' + 30 * g, date '2026-01-01' + 30 * g + 29, 3000000 + 400000 * g, 900, 200, 1000, "
                + "'SELF_HOSTED', 'FORM', false, 'SELF_HOSTED', (select id from app_user where username = 'rachel'), now() "
                + "from generate_series(0, 5) g");
        try {
            assertThat(statements(rachel, "/proposals/1")).isEqualTo(one);
            String page = rachel.get("/proposals/1").then().statusCode(200).extract().asString();
            assertThat(forecast(page)).isNotEqualTo(forecastBefore)
                    .isEqualTo(forecast(rachel.get("/proposals/1/checkins").then().statusCode(200).extract().asString()));
        } finally {
            OwnerDatabase.runAsOwner("delete from checkin where proposal_id = 1 and period_start >= date '2026-01-01' "
                    + "and period_start < date '2026-07-01' and source = 'FORM' and spend_usd = 1000");
        }
    }

    @Test
    void everyDecidedDemoProposalShowsTheForecastTheCheckinsPageComputes() {
        WebSession rachel = WebSession.as("rachel");
        for (long id : new long[] { 1, 6, 8, 10, 11 }) {
            String page = forecast(rachel.get("/proposals/" + id).then().statusCode(200).extract().asString());
            assertThat(page).as("#" + id).contains("Volume forecast")
                    .isEqualTo(forecast(rachel.get("/proposals/" + id + "/checkins").then().statusCode(200).extract().asString()));
        }
    }

    private static String forecast(String page) {
        int start = page.indexOf("<section class=\"panel forecast\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</section>", start));
    }

    /**
     * The page re-validates its cached catalog with the stamp read alongside the proposal: a price written behind this
     * instance's back (another instance, an import, the database) shows on the very next load, as it did when the stamp
     * had a statement of its own.
     */
    @Test
    void aPriceAddedByAnotherInstanceShowsOnTheNextLoad() {
        WebSession rachel = WebSession.as("rachel");
        // costed on a day just inside the what-if's year ahead, after a price that takes effect the day before
        java.time.LocalDate asOf = org.hostingreview.support.TestClock.appToday().plusDays(360);
        String path = "/proposals/" + org.hostingreview.support.Demo.workedExample() + "?asOf=" + asOf;
        String before = monthlyTotals(rachel.get(path).then().statusCode(200).extract().asString());
        assertThat(monthlyTotals(rachel.get(path).then().statusCode(200).extract().asString())).isEqualTo(before);

        OwnerDatabase.runAsOwner("insert into model_price (provider, model, tier, input_usd_per_mtok, output_usd_per_mtok, "
                + "effective_from, source, checked_on, created_by) values ('Together', 'llama-3-70b', 'HOSTED_OPEN', 0.01, "
                + "0.01, date '" + asOf.minusDays(1) + "', 'https://www.together.ai/pricing', date '2026-11-27', 'another-instance')");

        String after = monthlyTotals(rachel.get(path).then().statusCode(200).extract().asString());
        assertThat(after).as("the hosted tier costed on the new, far cheaper price").isNotEqualTo(before);
        assertThat(statements(rachel, path)).isEqualTo(STATEMENTS);
    }

    private static String monthlyTotals(String page) {
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("Monthly total</th>(.*?)</tr>", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertThat(total.find()).as("the monthly total row").isTrue();
        return total.group(1);
    }

    private long statements(WebSession session, String path) {
        return org.hostingreview.support.Statements.ofPage(session, path);
    }
}
