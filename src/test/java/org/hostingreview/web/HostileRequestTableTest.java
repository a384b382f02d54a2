package org.hostingreview.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The security probe's hostile requests as a table: each row is a category, a case and the answers a user may
 * get. None may be a 500, and every answer carries the security headers.
 */
@QuarkusTest
class HostileRequestTableTest {

    private static final Set<Integer> CLEAR_REFUSAL = Set.of(400, 403, 404, 409, 413, 415);

    record Case(String category, String name, Supplier<Response> request, Set<Integer> allowed) {
        @Override
        public String toString() {
            return category + ": " + name;
        }
    }

    static long approvedProposal() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) org.hostingreview.proposal.Proposal.getEntityManager()
                .createNativeQuery("select p.id from proposal p join team t on t.id = p.team_id where p.status = 'APPROVED' "
                        + "and t.name = 'Document AI' order by p.id limit 1").getSingleResult()).longValue());
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        // input that must never be a 500
        cases.add(new Case("input", "NUL in a query parameter", () -> WebSession.as("priya").get("/proposals?q=a%00b"),
                Set.of(200, 400)));
        cases.add(new Case("input", "NUL in a catalog ref", () -> WebSession.as("priya").get("/pricing/changes?ref=model_price:%00"),
                Set.of(400, 404)));
        cases.add(new Case("input", "NUL in the audit filter", () -> WebSession.as("dana").get("/audit?actor=%00"),
                Set.of(200, 400)));
        cases.add(new Case("input", "%zz in a form body", () -> {
            WebSession dana = WebSession.as("dana");
            return dana.request().contentType("application/x-www-form-urlencoded")
                    .body("csrf-token=" + dana.csrfToken() + "&name=%zz").post("/admin/teams");
        }, CLEAR_REFUSAL));
        cases.add(new Case("input", "more than 1,000 form fields", () -> {
            WebSession dana = WebSession.as("dana");
            StringBuilder body = new StringBuilder("csrf-token=" + dana.csrfToken() + "&name=Many");
            for (int i = 0; i < 1500; i++) {
                body.append("&f").append(i).append("=x");
            }
            return dana.request().contentType("application/x-www-form-urlencoded")
                    .body(body.toString()).post("/admin/teams");
        }, Set.of(303, 400, 413)));
        cases.add(new Case("input", "spendUsd 1e15 in a check-in", () -> given().auth().preemptive().basic("priya",
                WebSession.DEMO_PASSWORD).contentType("application/json")
                .body("{\"periodStart\": \"2026-10-01\", \"periodEnd\": \"2026-10-31\", \"requests\": 1000, "
                        + "\"inputTokensPerRequest\": 1000, \"outputTokensPerRequest\": 83, \"spendUsd\": 1e15}")
                .post("/api/v1/proposals/" + approvedProposal() + "/checkins"), Set.of(400)));
        cases.add(new Case("input", "spendUsd 1e400 in an estimate", () -> given().auth().preemptive().basic("priya",
                WebSession.DEMO_PASSWORD).contentType("application/json")
                .body("{\"workload\": {\"requestsPerMonth\": 1e400}}").post("/api/v1/estimates"), Set.of(400)));
        // sizes
        cases.add(new Case("size", "a 3,000-character field of 3-byte characters is accepted", () -> {
            WebSession dana = WebSession.as("dana");
            return dana.post("/admin/teams", "name", "€".repeat(3000));
        }, Set.of(400)));
        cases.add(new Case("size", "a 4,000-character field of 4-byte characters reaches the app", () -> {
            WebSession dana = WebSession.as("dana");
            return dana.post("/admin/teams", "name", "😀".repeat(4000));
        }, Set.of(400)));
        cases.add(new Case("size", "a 1 MB body", () -> {
            WebSession dana = WebSession.as("dana");
            return dana.post("/admin/teams", "name", "x".repeat(1_100_000));
        }, Set.of(400, 413)));
        // CSRF
        for (String type : List.of("text/plain", "application/json", "multipart/form-data; boundary=x")) {
            cases.add(new Case("csrf", "token-less " + type + " POST with the session cookie",
                    () -> WebSession.as("dana").request().contentType(type).body("x".getBytes(StandardCharsets.UTF_8))
                            .post("/account/calendar/revoke"),
                    Set.of(400, 403)));
        }
        // scoping
        cases.add(new Case("scope", "another team's proposal", () -> WebSession.as("omar").get("/proposals/" + approvedProposal()),
                Set.of(403, 404)));
        cases.add(new Case("scope", "a proposer on an admin page", () -> WebSession.as("priya").get("/admin/users"),
                Set.of(403)));
        // sessions
        cases.add(new Case("session", "a forged session cookie", () -> given().redirects().follow(false)
                .cookie("hr_session", "AAAA" + UUID.randomUUID()).get("/proposals"), Set.of(302)));
        // redirects
        cases.add(new Case("redirect", "Host header injection", () -> given().redirects().follow(false)
                .header("Host", "evil.example").get("/"), Set.of(302)));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHostileRequestGetsAClearAnswerWithSecurityHeaders(Case c) {
        Response response = c.request().get();
        assertThat(response.statusCode()).as(c + " → " + response.statusCode() + " " + abbreviate(response.asString()))
                .isIn(c.allowed());
        assertThat(response.getHeader("X-Content-Type-Options")).as(c + " headers").isEqualTo("nosniff");
        assertThat(response.getHeader("Content-Security-Policy")).as(c + " headers").isNotBlank();
        if (response.getHeader("Location") != null) {
            assertThat(response.getHeader("Location")).doesNotContain("evil.example");
        }
    }

    @Test
    void parallelPostsOfOneReviewFormRecordOneReviewAndAnswerTheRestClearly() throws Exception {
        long proposal = ReviewFixtures.submitted("priya", "$20,000");
        WebSession rachel = WebSession.as("rachel");
        String token = UUID.randomUUID().toString();
        Map<String, Object> form = WebSession.pairs("verdict", "REQUEST_CHANGES", "chosenTier", "",
                "rationale", "Same form, posted four times at once.", "justification", "", "conditions", "",
                "nextReviewOn", "", "version", ProposalFixtures.version(proposal), "token", token);
        rachel.csrfToken();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(() -> rachel.replay().post("/proposals/" + proposal + "/reviews", form).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(posts)) {
                statuses.add(f.get());
            }
            assertThat(statuses).doesNotContain(500).allSatisfy(s -> assertThat(s).isIn(303, 409));
        } finally {
            pool.shutdownNow();
        }
        assertThat(ReviewFixtures.reviewsOf(proposal)).hasSize(1);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
