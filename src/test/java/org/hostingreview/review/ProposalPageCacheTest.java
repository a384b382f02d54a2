package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The proposal page keeps its costing, recommendation and what-if form for exactly what they are computed from
 * ({@link ProposalPageCache}): a repeated load shows the same page without computing them again, and each thing they
 * depend on (an eval run, an edit, a review, a what-if, the day) shows on the very next load, while what depends on the
 * viewer never comes from the cache.
 */
@QuarkusTest
class ProposalPageCacheTest {

    @Inject
    MeterRegistry meters;

    @Inject
    TestClock clock;

    @Test
    void aRepeatedLoadShowsTheSamePageFromTheCache() {
        WebSession rachel = WebSession.as("rachel");
        String first = page(rachel, "/proposals/1");
        double hits = count("hit");
        double misses = count("miss");
        String again = page(rachel, "/proposals/1");
        assertThat(again).isEqualTo(first);
        assertThat(count("hit")).as("the second load came from the cache").isEqualTo(hits + 1);
        assertThat(count("miss")).isEqualTo(misses);
    }

    @Test
    void anEvalRunEnteredElsewhereShowsOnTheNextLoad() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.complete(priya, "Cached eval runs", "Cached eval runs feature " + System.nanoTime());
        String path = "/proposals/" + id;
        page(priya, path);
        String before = evalScores(page(priya, path));
        // written behind the app's back (another instance, the database): neither the version nor the update time moves
        String runs = "insert into eval_result (proposal_id, model, role, tier, eval_set, sample_size, score_kind, score, "
                + "run_date, entered_by, entered_at) values (" + id + ", '%s', '%s', '%s', 'doc-classes-2k', 2000, 'SCORE', %d, "
                + "date '2026-11-01', (select id from app_user where username = 'priya'), now())";
        OwnerDatabase.runAsOwner(String.format(runs, "gpt-4.1", "INCUMBENT", "FRONTIER_CLOSED", 91),
                String.format(runs, "llama-3-70b", "CANDIDATE", "HOSTED_OPEN", 64));
        assertThat(evalScores(page(priya, path))).as("the candidate's score in the comparison table").isNotEqualTo(before)
                .contains(">64<");
    }

    @Test
    void anEditShowsOnTheNextLoad() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.complete(priya, "Cached edit", "Cached edit feature " + System.nanoTime());
        String path = "/proposals/" + id;
        assertThat(recommendation(page(priya, path))).contains("Stated spend $80.0k/month");
        page(priya, path);
        ProposalFixtures.save(priya, id, 2, WebSession.pairs("currentMonthlySpendUsd", "$95,000")).then().statusCode(303);
        assertThat(recommendation(page(priya, path))).contains("Stated spend $95.0k/month").doesNotContain("$80.0k/month");
    }

    @Test
    void aWhatIfIsKeptApartFromTheProposalsOwnFigures() {
        WebSession rachel = WebSession.as("rachel");
        String filed = page(rachel, "/proposals/1");
        String whatIf = page(rachel, "/proposals/1?requests=90000000");
        assertThat(whatIf).contains("what-if, not saved").contains("90,000,000 requests &times;").contains("value=\"90000000\"");
        assertThat(page(rachel, "/proposals/1")).isEqualTo(filed).doesNotContain("what-if, not saved");
        assertThat(page(rachel, "/proposals/1?requests=90000001")).contains("90,000,001 requests &times;");
        assertThat(page(rachel, "/proposals/1?requests=abc")).contains("Enter whole requests per month")
                .contains("value=\"abc\"").doesNotContain("90,000,000 requests &times;");
    }

    @Test
    void aReviewShowsOnTheNextLoad() {
        long id = ReviewFixtures.submitted("priya", "$80,000");
        WebSession rachel = WebSession.as("rachel");
        String path = "/proposals/" + id;
        String before = page(rachel, path);
        page(rachel, path);
        assertThat(before).contains("name=\"verdict\"");
        ReviewFixtures.review(rachel, id, "REQUEST_CHANGES", null, null).then().statusCode(303);
        String after = page(rachel, path);
        assertThat(after).contains("Looked at the numbers.").doesNotContain("name=\"verdict\"");
        assertThat(recommendation(after)).as("the costing itself does not depend on the review").isEqualTo(recommendation(before));
    }

    @Test
    void aViewerWithOtherRightsSeesTheirOwnPageAfterAnotherFilledTheCache() {
        WebSession priya = WebSession.as("priya"); // the draft's proposer: may edit and save a what-if
        WebSession rachel = WebSession.as("rachel"); // a reviewer of the team: may do neither
        long id = ProposalFixtures.complete(priya, "Cached viewers", "Cached viewers feature " + System.nanoTime());
        String whatIf = "/proposals/" + id + "?frontierInputUsdPerMTok=9";
        String proposer = page(priya, whatIf);
        double hits = count("hit");
        String reviewer = page(rachel, whatIf);
        assertThat(count("hit")).as("the reviewer's load used the proposer's costing").isEqualTo(hits + 1);
        assertThat(proposer).contains("Save these assumptions on the proposal").contains("until you choose to")
                .contains("/proposals/" + id + "/steps/1\">Edit");
        assertThat(reviewer).doesNotContain("Save these assumptions on the proposal").doesNotContain("until you choose to")
                .doesNotContain("/steps/1\">Edit");
        assertThat(recommendation(reviewer)).isEqualTo(recommendation(proposer));
        // and the other way round: the proposer's links and forms come back once the reviewer filled the cache
        String plain = "/proposals/" + id + "?requests=31000000";
        assertThat(page(rachel, plain)).doesNotContain("Save these assumptions on the proposal");
        assertThat(page(priya, plain)).contains("Save these assumptions on the proposal").contains("until you choose to");
    }

    @Test
    void theNextDayIsCostedOnTheNextDaysCatalog() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.complete(priya, "Cached day", "Cached day feature " + System.nanoTime());
        String path = "/proposals/" + id;
        java.time.LocalDate today = TestClock.appToday();
        assertThat(page(priya, path)).contains("prices as of " + today);
        try {
            clock.jumpTo(1);
            WebSession tomorrow = WebSession.as("priya"); // a session lasts 12 hours at most
            assertThat(page(tomorrow, path)).contains("prices as of " + today.plusDays(1));
        } finally {
            clock.reset();
        }
    }

    private double count(String result) {
        return meters.get("hosting_review_proposal_page_cache").tag("result", result).counter().count();
    }

    /** The page as its viewer sees it, without what differs per load (the CSRF token, the review form's fresh token). */
    private static String page(WebSession session, String path) {
        String page = session.get(path).then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200),
                org.hamcrest.Matchers.is(400))).extract().asString();
        return page.replaceAll("(name=\"[^\"]*csrf[^\"]*\" value=\")[^\"]*", "$1X")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
    }

    private static String recommendation(String page) {
        int start = page.indexOf("<section class=\"recommendation\"");
        assertThat(start).as("the recommendation").isNotNegative();
        return page.substring(start, page.indexOf("</section>", page.indexOf("stack-bar", start)));
    }

    private static String evalScores(String page) {
        Matcher row = Pattern.compile("Eval score</th>(.*?)</tr>", Pattern.DOTALL).matcher(page);
        return row.find() ? row.group(1) : "";
    }
}
