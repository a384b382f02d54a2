package org.hostingreview.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.hostingreview.audit.AuditEvent;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Throttled sign-in, in its own app: it locks accounts and addresses, and tells clients apart by X-Forwarded-For
 * (as behind a proxy), and its BASE_URL is https.
 */
@QuarkusTest
@TestProfile(SignInThrottleTest.Profile.class)
class SignInThrottleTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "hosting-review.base-url", "https://review.example.com",
                    "hosting-review.sign-in.client-max-failures", "5");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    private static Response login(String client, String username, String password) {
        return given().redirects().follow(false).header("X-Forwarded-For", client)
                .contentType("application/x-www-form-urlencoded").formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check");
    }

    private static long auditedSince(long before, String action) {
        return AuditLog.since(before, action).size();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountWithAClearMessageAndOneAuditEventPerBurst() {
        long before = AuditLog.maxId();
        for (int i = 0; i < 5; i++) {
            assertThat(login("10.0.1." + i, "omar", "wrong-password-" + i).getHeader("Location")).contains("/login?error");
        }
        // even the right password is refused now, from yet another address
        Response locked = login("10.0.1.99", "omar", WebSession.DEMO_PASSWORD);
        assertThat(locked.getHeader("Location")).contains("/login?error");
        given().cookie(AccountIdentityProviders.NOTICE_COOKIE, locked.getCookie(AccountIdentityProviders.NOTICE_COOKIE))
                .get("/login").then().statusCode(200).body(containsString("Too many attempts, try again in 1 minute"));

        assertThat(auditedSince(before, "LOGIN_FAILED")).isEqualTo(1);
        assertThat(auditedSince(before, "LOGIN_THROTTLED")).isEqualTo(1);
        assertThat(auditedSince(before, "LOGIN_SUCCEEDED")).isZero();
    }

    @Test
    void oneAddressTryingManyUnknownNamesIsLockedAndTheTypedNamesAreNeverRecorded() {
        long before = AuditLog.maxId();
        for (int i = 0; i < 5; i++) {
            login("10.0.2.1", "my-secret-passw0rd-" + i, "x").then().statusCode(302);
        }
        Response locked = login("10.0.2.1", "priya", WebSession.DEMO_PASSWORD);
        assertThat(locked.getHeader("Location")).contains("/login?error");
        // another address is not affected
        assertThat(login("10.0.2.2", "priya", WebSession.DEMO_PASSWORD).getHeader("Location")).doesNotContain("error");

        var events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find("id > ?1", before).list());
        assertThat(events).noneSatisfy(e -> assertThat(String.valueOf(e.details)).contains("my-secret-passw0rd"));
        assertThat(events).filteredOn(e -> e.action.startsWith("LOGIN_FAILED") || e.action.equals("LOGIN_THROTTLED"))
                .hasSize(2).allSatisfy(e -> assertThat(e.details.get("username")).isEqualTo("(unknown)"));
    }

    @Test
    void theApiAnswers429WithRetryAfterOnceThrottled() {
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", "10.0.3.1").auth().preemptive().basic("victor", "wrong-" + i)
                    .get("/api/v1/proposals/1/recommendation").then().statusCode(401);
        }
        // the fifth failure locks, and says so
        given().header("X-Forwarded-For", "10.0.3.1").auth().preemptive().basic("victor", "wrong-5")
                .get("/api/v1/proposals/1/recommendation").then().statusCode(429);
        Response throttled = given().header("X-Forwarded-For", "10.0.3.2").auth().preemptive()
                .basic("victor", WebSession.DEMO_PASSWORD).get("/api/v1/proposals/1/recommendation");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.getHeader("Retry-After"))).isBetween(1, 61);
    }

    @Test
    void cookiesAreSecureWhenTheBaseUrlIsHttps() {
        Response signedIn = login("10.0.4.1", "rachel", WebSession.DEMO_PASSWORD);
        assertThat(signedIn.getDetailedCookie("hr_session").isSecured()).isTrue();
        assertThat(signedIn.getDetailedCookie("hr_session").getSameSite()).isEqualToIgnoringCase("strict");
        assertThat(signedIn.getHeader("Location")).doesNotStartWith("http://");
    }

    @Test
    void wrongTwoFactorCodesAreThrottledLikePasswords() {
        TwoFactorTest.Enrolled me = TwoFactorTest.enrolled("PROPOSER");
        long before = AuditLog.maxId();
        WebSession session = WebSession.as(me.username(), "first-password-1");
        session.get("/login/totp");
        java.util.function.Function<String, Response> code = c -> session.request().header("X-Forwarded-For", "10.0.5.1")
                .contentType("application/x-www-form-urlencoded").formParam("code", c)
                .formParam("csrf-token", session.csrfToken()).post("/login/totp");
        for (int i = 0; i < 4; i++) {
            assertThat(code.apply("12345" + i).statusCode()).isEqualTo(400);
        }
        Response locked = code.apply("123459");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.asString()).contains("Too many attempts, try again in 1 minute");
        // even the right code is refused while locked, and the session still leads only to the code page
        assertThat(code.apply(org.hostingreview.support.Totp.code(me.secret(), 1)).statusCode()).isEqualTo(429);
        session.get("/").then().statusCode(303);
        assertThat(auditedSince(before, "TWO_FACTOR_FAILED")).isEqualTo(1);
        assertThat(auditedSince(before, "LOGIN_THROTTLED")).isEqualTo(1);
        assertThat(auditedSince(before, "LOGIN_SUCCEEDED")).isZero();
    }

    /** In this app (not the shared one): the refused old password counts against a client address of its own. */
    @Test
    void aPasswordChangeEndsTheCachedBasicCredentialAtOnce() {
        String username = AdminUsersTest.uniqueName();
        AdminUsersTest.createUser(WebSession.as("admin"), username, "first-password-1", "PROPOSER");
        given().header("X-Forwarded-For", "10.0.6.1").auth().preemptive().basic(username, "first-password-1")
                .get("/api/v1/audit/head").then().statusCode(403);
        WebSession me = WebSession.as(username, "first-password-1");
        me.post("/account/password", "currentPassword", "first-password-1", "newPassword", "second-password-2",
                "confirmPassword", "second-password-2").then().statusCode(303);

        // the cached check of the old password is gone at once, not after its 60 s
        given().header("X-Forwarded-For", "10.0.6.1").auth().preemptive().basic(username, "first-password-1")
                .get("/api/v1/audit/head").then().statusCode(401);
        given().header("X-Forwarded-For", "10.0.6.1").auth().preemptive().basic(username, "second-password-2")
                .get("/api/v1/audit/head").then().statusCode(403);
    }
}
