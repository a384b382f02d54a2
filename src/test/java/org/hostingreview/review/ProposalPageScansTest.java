package org.hostingreview.review;

import org.assertj.core.api.SoftAssertions;
import org.hostingreview.support.FullScans;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The proposal page renders each loop from its own element: every name its template reads is found in the first
 * scope Qute looks in, so a render costs a handful of full resolver scans, whatever the costing's rows, the what-if
 * form's assumptions or the review form's choices (see {@link FullScans}). Measured when this test was written:
 * 993-1,023 scans per render with the templates that read outer names in their loops (the what-if form's
 * {@code whatIf.value(a.key)}, the comparison table's {@code r.columns.get(cell_index)}), 20-28 now.
 */
@QuarkusTest
class ProposalPageScansTest {

    /** Far below the old templates' ~1,000, above today's 20-28: a loop reading an outer name again exceeds it at once. */
    static final long MOST_SCANS = 60;

    @Test
    void everyKindOfProposalPageRendersWithAHandfulOfResolverScans() {
        SoftAssertions softly = new SoftAssertions();
        WebSession rachel = WebSession.as("rachel");
        assertFewScans(softly, rachel, "/proposals/1"); // approved: the decision banner, the forecast, the review history
        assertFewScans(softly, rachel, "/proposals/6"); // back for review: the review form, observed figures
        assertFewScans(softly, rachel, "/proposals/11"); // back for review, another team
        assertFewScans(softly, rachel, "/proposals/1?requests=5000000&gpuUsdPerHour=3.1&support24x7=1"); // a what-if
        assertFewScans(softly, rachel, "/proposals/1?requests=abc&pue=9&headroom=x"); // a what-if with errors
        WebSession priya = WebSession.as("priya");
        assertFewScans(softly, priya, "/proposals/3"); // a draft its proposer may edit
        assertFewScans(softly, priya, "/proposals/9"); // withdrawn
        softly.assertAll();
    }

    private static void assertFewScans(SoftAssertions softly, WebSession session, String path) {
        session.get(path).then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(400)));
        FullScans.Run run = FullScans.fewestOf(3, () -> session.get(path));
        softly.assertThat(run.scans()).as(path + " scanned for " + run.names()).isLessThanOrEqualTo(MOST_SCANS);
    }
}
