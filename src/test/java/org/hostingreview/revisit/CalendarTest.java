package org.hostingreview.revisit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The iCalendar feed of review dates: a secret URL per user, scoped like the dashboard, replaceable and revocable. */
@QuarkusTest
class CalendarTest {

    private static final Pattern URL = Pattern.compile("/reviews/calendar\\.ics\\?token=([A-Za-z0-9_-]+)");

    @Test
    void aProposerSubscribesToTheirTeamsReviewDates() {
        WebSession priya = WebSession.as("priya");
        long auditBefore = AuditLog.maxId();
        String token = issue(priya);

        Response feed = given().get("/reviews/calendar.ics?token=" + token);
        feed.then().statusCode(200).contentType(containsString("text/calendar"));
        String ics = feed.asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(unfold(ics)).contains("SUMMARY:Review: #" + org.hostingreview.support.Demo.workedExample()
                + " Self-host Llama 3 70B for document classification").contains("DTSTART;VALUE=DATE:")
                .doesNotContain("Query rewriting");
        assertThat(ics.lines()).allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        assertThat(AuditLog.since(auditBefore, "CALENDAR_TOKEN_CHANGED")).singleElement()
                .satisfies(e -> assertThat(String.valueOf(e.details)).contains("created").doesNotContain(token));
        priya.get("/account").then().body(containsString("You have a calendar URL.")).body(org.hamcrest.Matchers.not(
                containsString(token)));
    }

    @Test
    void aReviewersFeedCoversEveryTeamAndDueDecisionsSayWhy() {
        String ics = unfold(given().get("/reviews/calendar.ics?token=" + issue(WebSession.as("rachel"))).asString());
        assertThat(ics).contains("Review due: #").contains("Query rewriting at 1B requests: time to self-host?")
                .contains("Self-host Llama 3 70B").contains("Why: SCHEDULED: scheduled quarterly review");
    }

    @Test
    void aNewUrlReplacesTheOldOneAndRevokingStopsTheFeed() {
        WebSession omar = WebSession.as("omar");
        String first = issue(omar);
        String second = issue(omar);
        assertThat(second).isNotEqualTo(first);
        given().get("/reviews/calendar.ics?token=" + first).then().statusCode(404);
        given().get("/reviews/calendar.ics?token=" + second).then().statusCode(200);

        omar.post("/account/calendar/revoke").then().statusCode(303);
        given().get("/reviews/calendar.ics?token=" + second).then().statusCode(404)
                .body(containsString("revoked or replaced"));
        given().get("/reviews/calendar.ics").then().statusCode(404);
        given().get("/reviews/calendar.ics?token=guess").then().statusCode(404);
        omar.get("/account").then().body(containsString("You have no calendar URL."));
    }

    private static String issue(WebSession session) {
        String page = session.post("/account/calendar").then().statusCode(200).extract().asString();
        Matcher m = URL.matcher(page);
        assertThat(m.find()).as("the page shows the URL").isTrue();
        return m.group(1);
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }
}
