package org.hostingreview.revisit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.hostingreview.support.AuditLog;
import org.hostingreview.support.Tokens;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A pipeline posts its check-ins with a personal token of the check-ins scope; other scopes get 403. */
@QuarkusTest
class TokenCheckinTest {

    @Test
    void aCheckinsTokenPostsACheckinAndOtherScopesGet403() {
        long id = RevisitFixtures.approved("$80,000");
        WebSession priya = WebSession.as("priya");
        String checkins = Tokens.make(priya, "gateway", "CHECKINS");
        String read = Tokens.make(priya, "dashboard", "READ");
        String estimates = Tokens.make(priya, "planner", "ESTIMATES");
        LocalDate end = LocalDate.now().minusDays(1);
        String body = String.format("""
                {"periodStart": "%s", "periodEnd": "%s", "requests": 30000000, "inputTokensPerRequest": 1000,
                 "outputTokensPerRequest": 83, "spendUsd": 9000, "notes": "from the gateway"}""", end.minusDays(29), end);
        long before = AuditLog.maxId();

        given().header("Authorization", "Bearer " + read).contentType("application/json").body(body)
                .post("/api/v1/proposals/" + id + "/checkins").then().statusCode(403);
        given().header("Authorization", "Bearer " + estimates).contentType("application/json").body(body)
                .post("/api/v1/proposals/" + id + "/checkins").then().statusCode(403);
        assertThat(RevisitFixtures.checkins(id)).isEmpty();

        given().header("Authorization", "Bearer " + checkins).contentType("application/json").body(body)
                .post("/api/v1/proposals/" + id + "/checkins").then().statusCode(201);

        assertThat(RevisitFixtures.checkins(id)).singleElement().satisfies(c -> assertThat(c.source).isEqualTo(Checkin.Source.API));
        assertThat(AuditLog.since(before, "CHECKIN_RECORDED")).singleElement().satisfies(e -> assertThat(e.actor).isEqualTo("priya"));
        assertThat(AuditLog.since(before, "LOGIN_SUCCEEDED")).isEmpty();
        priya.get("/account/tokens").then().statusCode(200);
        String list = priya.get("/account/tokens").asString();
        // the gateway token shows a last use; the refused ones too (they authenticated, their scope refused)
        assertThat(list).contains("gateway");
    }
}
