package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Demo mode shows every stage of the revisit cycle on the dashboard, scoped to the user's team. */
@QuarkusTest
class DemoRevisitsTest {

    @Test
    void aReviewerSeesOverdueDueReopenedAndUpcomingDecisionsOfEveryTeam() {
        String page = WebSession.as("rachel").get("/").then().statusCode(200).extract().asString();
        // the demo is seeded relative to the day the app started: 20 days overdue, due in 12 days; a run that crosses
        // midnight (UTC) between the start and this request reads each a day further on
        String overdue = section(page, "overdue");
        java.util.regex.Matcher since = java.util.regex.Pattern.compile("due since (\\d{4}-\\d{2}-\\d{2})").matcher(overdue);
        assertThat(since.find()).as("the overdue decision's due date").isTrue();
        long overdueDays = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(since.group(1)),
                org.hostingreview.support.TestClock.appToday());
        assertThat(overdueDays).isBetween(20L, 21L);
        assertThat(overdue).contains("Query rewriting at 1B requests").contains(overdueDays + " days overdue");
        assertThat(section(page, "due-now")).contains("Serving embeddings is our product");
        assertThat(section(page, "reopened")).contains("Serve our fine-tuned re-ranker ourselves").contains("VOLUME_DOUBLED");
        assertThat(section(page, "due-soon")).contains("Keep the chat assistant on the frontier model")
                .contains("in " + (12 - (overdueDays - 20)) + " days");
    }

    @Test
    void aProposerSeesOnlyTheirTeamsDecisions() {
        String priya = WebSession.as("priya").get("/").asString();
        assertThat(priya).doesNotContain("Query rewriting").doesNotContain("re-ranker").doesNotContain("chat assistant");
        String omar = WebSession.as("omar").get("/").asString();
        assertThat(omar).contains("Query rewriting at 1B requests").contains("Serve our fine-tuned re-ranker ourselves");
    }

    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }
}
