package org.hostingreview.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostingreview.support.Tokens;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Operators scrape /q/metrics with an admin's token and find HTTP, pool, JVM and business figures. */
@QuarkusTest
class MetricsTest {

    @Test
    void anAdminsTokenScrapesTheBusinessGaugesOthersCannot() {
        String admin = Tokens.make(WebSession.as("dana"), "prometheus", "READ");
        String proposer = Tokens.make(WebSession.as("priya"), "curious", "READ");

        given().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer " + proposer).get("/q/metrics").then().statusCode(403);
        given().header("Authorization", "Bearer " + admin).get("/api/v1/audit/verify").then().statusCode(200);

        String metrics = given().header("Authorization", "Bearer " + admin).get("/q/metrics").then().statusCode(200)
                .extract().asString();

        // the demo data has approved decisions, and its start-up sweep re-opened some and flagged one overdue
        assertThat(gauge(metrics, "hosting_review_proposals{status=\"APPROVED\"}")).isPositive();
        assertThat(metrics).contains("hosting_review_proposals{status=\"DRAFT\"}");
        assertThat(gauge(metrics, "hosting_review_decisions_overdue")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("hosting_review_decisions_due ").contains("hosting_review_outbox_backlog ");
        assertThat(gauge(metrics, "hosting_review_audit_chain_length")).isGreaterThan(10);
        assertThat(gauge(metrics, "hosting_review_audit_last_verification_ok")).isEqualTo(1.0);
        assertThat(gauge(metrics, "hosting_review_reopens_total{trigger=\"SCHEDULED\"}")).isPositive();
        assertThat(metrics).contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes")
                .contains("agroal_active_count");
    }

    @Test
    void everyAnswerCarriesItsOwnRequestReference() {
        Response one = given().get("/login");
        Response two = given().get("/login");
        assertThat(one.getHeader("X-Request-Ref")).matches("[0-9a-f]{8}");
        assertThat(two.getHeader("X-Request-Ref")).matches("[0-9a-f]{8}").isNotEqualTo(one.getHeader("X-Request-Ref"));
    }

    private static double gauge(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(m.find()).as(series + " in\n" + metrics.lines().filter(l -> l.startsWith("hosting_review")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
