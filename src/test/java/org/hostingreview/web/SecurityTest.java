package org.hostingreview.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.hostingreview.audit.AuditEvent;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SecurityTest {

    @Test
    void anonymousPageRequestRedirectsToLogin() {
        given().redirects().follow(false).get("/admin/users")
                .then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/no-such-page")
                .then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void loginPageIsPublicAndListsDemoAccountsInDemoMode() {
        given().get("/login").then().statusCode(200)
                .body(containsString("action=\"/j_security_check\""))
                .body(containsString("Demo accounts"))
                .body(containsString("<code>priya</code>"));
    }

    @Test
    void wrongPasswordShowsAnErrorAndIsAudited() {
        long before = AuditLog.maxId();
        Response login = WebSession.anonymous().tryLogin("priya", "not-her-password");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.getHeader("Location")).endsWith("/login?error");
        given().get("/login?error").then().statusCode(200)
                .body(containsString("Unknown username or wrong password"));
        List<AuditEvent> failures = AuditLog.since(before, "LOGIN_FAILED");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).actor).isEqualTo("anonymous");
        assertThat(failures.get(0).details).containsEntry("username", "priya").containsEntry("reason", "wrong password");
    }

    @Test
    void successfulLoginIsAuditedAndLandsOnTheDashboard() {
        long before = AuditLog.maxId();
        WebSession omar = WebSession.as("omar");

        omar.get("/").then().statusCode(200).body(containsString("Welcome, Omar Haddad"))
                .body(containsString("Search &amp; Support"));
        assertThat(AuditLog.since(before, "LOGIN_SUCCEEDED")).extracting(e -> e.actor).containsExactly("omar");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrict() {
        Response login = WebSession.anonymous().tryLogin("omar", WebSession.DEMO_PASSWORD);
        String setCookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("hr_session=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void proposerGets403OnAdminPages() {
        WebSession priya = WebSession.as("priya");
        priya.get("/admin/users").then().statusCode(403).body(containsString("Not allowed"));
        priya.post("/admin/teams", "name", "Sneaky team").then().statusCode(403);
        given().when().get("/login").then().statusCode(200);
    }

    @Test
    void postWithoutCsrfTokenIsRefusedAndChangesNothing() {
        WebSession admin = WebSession.as("admin");
        long auditBefore = AuditLog.count();

        Response response = admin.postRaw("/admin/teams", WebSession.pairs("name", "Team without token"));

        assertThat(response.statusCode()).isIn(400, 403);
        admin.get("/admin/users").then().statusCode(200).body(not(containsString("Team without token")));
        assertThat(AuditLog.count()).isEqualTo(auditBefore);
    }

    @Test
    void postWithAForgedCsrfTokenIsRefused() {
        WebSession admin = WebSession.as("admin");
        admin.get("/admin/users");
        Response response = admin.postRaw("/admin/teams",
                WebSession.pairs("name", "Team with forged token", "csrf-token", "forged"));
        assertThat(response.statusCode()).isIn(400, 403);
        admin.get("/admin/users").then().body(not(containsString("Team with forged token")));
    }

    @Test
    void loginPostFromAForeignOriginIsRefused() {
        long before = AuditLog.maxId();
        given().redirects().follow(false).header("Origin", "https://evil.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "priya").formParam("j_password", WebSession.DEMO_PASSWORD)
                .post("/j_security_check")
                .then().statusCode(403);
        given().redirects().follow(false).header("Referer", "https://evil.example/phish")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "priya").formParam("j_password", WebSession.DEMO_PASSWORD)
                .post("/j_security_check")
                .then().statusCode(403);
        assertThat(AuditLog.since(before, "LOGIN_SUCCEEDED")).isEmpty();
    }

    @Test
    void securityHeadersOnOkRedirectAndNotFound() {
        WebSession rachel = WebSession.as("rachel");
        for (Response response : List.of(rachel.get("/"), given().redirects().follow(false).get("/"),
                rachel.get("/definitely/not/here"), rachel.get("/admin/users"))) {
            assertThat(response.statusCode()).isIn(200, 302, 403, 404);
            assertThat(response.getHeader("Content-Security-Policy"))
                    .contains("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).isNotBlank();
            assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void unknownPageRendersTheNotFoundPageInTheLayout() {
        WebSession.as("rachel").get("/definitely/not/here").then().statusCode(404)
                .body(containsString("Page not found"))
                .body(containsString("Hosting&nbsp;Review"))
                .body(not(containsString("Exception")));
    }

    @Test
    void staticAssetsArePublic() {
        given().get("/static/app.css").then().statusCode(200).body(containsString("Hosting Review"));
    }

    @Test
    void healthReportsTheDatabaseUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"));
    }

    @Test
    void logoutEndsTheSessionAndIsAudited() {
        WebSession victor = WebSession.as("victor");
        long before = AuditLog.maxId();

        victor.post("/logout").then().statusCode(303).header("Location", endsWith("/login?logout"));

        victor.get("/").then().statusCode(302).header("Location", endsWith("/login"));
        assertThat(AuditLog.since(before, "LOGOUT")).extracting(e -> e.actor).containsExactly("victor");
    }
}
