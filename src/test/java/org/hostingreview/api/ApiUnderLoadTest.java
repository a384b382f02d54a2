package org.hostingreview.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hostingreview.support.AuditLog;
import org.hostingreview.support.Demo;
import org.hostingreview.support.Tokens;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pipelines call often: 200 API calls at once (HTTP Basic with a password checked once and then cached, and a bearer
 * token) all succeed, pages still answer meanwhile, and the trail gets one use row per credential and day, not one per
 * call.
 */
@QuarkusTest
class ApiUnderLoadTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void twoHundredConcurrentCallsAllSucceedAndAreAuditedOncePerCredential() throws Exception {
        long id = Demo.workedExample();
        WebSession victor = WebSession.as("victor");
        String token = Tokens.make(victor, "load test", "READ");
        WebSession rachel = WebSession.as("rachel");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("victor:" + WebSession.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        URI uri = base.resolve("/api/v1/proposals/" + id + "/recommendation");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        // the password is checked once (bcrypt), then cached
        assertThat(client.send(HttpRequest.newBuilder(uri).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        long before = AuditLog.maxId();

        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String credential = i % 2 == 0 ? basic : "Bearer " + token;
            calls.add(client.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", credential)
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.discarding()));
        }
        // a person's pages still answer while the calls run
        long pageStart = System.nanoTime();
        int page = rachel.get("/").statusCode();
        long pageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pageStart);
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<Void>> call : calls) {
            statuses.add(call.get(180, TimeUnit.SECONDS).statusCode());
        }
        long allMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(page).isEqualTo(200);
        assertThat(statuses).hasSize(200).allMatch(s -> s == 200);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "200 concurrent API calls in " + allMillis + " ms; a page meanwhile in " + pageMillis + " ms");
        assertThat(AuditLog.since(before, "LOGIN_SUCCEEDED")).isEmpty();
        // one row per credential and day: the password's first use was just before `before`; the token's is in here
        assertThat(AuditLog.since(before, "API_USED")).singleElement().satisfies(e -> {
            assertThat(e.actor).isEqualTo("victor");
            assertThat(e.details).containsEntry("credential", "token").containsEntry("token", "load test");
        });
        assertThat(AuditLog.of("API_USED")).filteredOn(e -> "victor".equals(e.actor) && "password".equals(e.details.get("credential")))
                .hasSize(1);
    }
}
