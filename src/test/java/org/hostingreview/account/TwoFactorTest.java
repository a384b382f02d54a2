package org.hostingreview.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostingreview.support.AuditLog;
import org.hostingreview.support.Tokens;
import org.hostingreview.support.Totp;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Two-factor sign-in: enrolment with a QR code, the code step, recovery codes, throttling, the admin's requirement. */
@QuarkusTest
class TwoFactorTest {

    private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z0-9-]{10,40})</code></li>");

    /** Makes a user, turns two-factor sign-in on, returns the secret and the recovery codes. */
    static Enrolled enrolled(String roles) {
        String username = AdminUsersTest.uniqueName();
        AdminUsersTest.createUser(WebSession.as("admin"), username, "first-password-1", roles);
        WebSession me = WebSession.as(username, "first-password-1");
        String page = me.get("/account/two-factor").then().statusCode(200).extract().asString();
        assertThat(page).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"totp-qr\"").contains("<path fill=\"#000\" d=\"M")
                .doesNotContain("<img");
        String secret = Totp.secretOn(page);
        // reloading shows the same secret until it is confirmed
        assertThat(Totp.secretOn(me.get("/account/two-factor").asString())).isEqualTo(secret);
        String enrolmentCode = Totp.code(secret, 0);
        Response enabled = me.post("/account/two-factor", "code", enrolmentCode);
        assertThat(enabled.statusCode()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        Matcher m = RECOVERY.matcher(enabled.asString());
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).hasSize(10);
        return new Enrolled(username, secret, codes, enrolmentCode);
    }

    record Enrolled(String username, String secret, List<String> recoveryCodes, String enrolmentCode) {
    }

    @Test
    void enrolmentShowsAQrCodeAndTenRecoveryCodesOnceAndIsAudited() {
        long before = AuditLog.maxId();
        Enrolled me = enrolled("PROPOSER");
        assertThat(AuditLog.since(before, "TWO_FACTOR_ENABLED")).singleElement()
                .satisfies(e -> assertThat(e.actor).isEqualTo(me.username()));
        WebSession session = signedInFully(me);
        String page = session.get("/account/two-factor").then().statusCode(200).extract().asString();
        assertThat(page).contains("Two-factor sign-in is on").contains("10 recovery codes left")
                .doesNotContain(me.recoveryCodes().get(0)).doesNotContain(me.secret());
    }

    @Test
    void aWrongEnrolmentCodeIsAFieldError() {
        String username = AdminUsersTest.uniqueName();
        AdminUsersTest.createUser(WebSession.as("admin"), username, "first-password-1", "PROPOSER");
        WebSession me = WebSession.as(username, "first-password-1");
        me.get("/account/two-factor");
        me.post("/account/two-factor", "code", "000000").then().statusCode(400)
                .body(containsString("That code does not match")).body(containsString("id=\"totp-qr\""));
    }

    @Test
    void thePasswordAloneLeadsOnlyToTheCodePageAndTheSignInIsAuditedAfterTheCode() {
        Enrolled me = enrolled("PROPOSER");
        long before = AuditLog.maxId();
        WebSession session = WebSession.as(me.username(), "first-password-1");

        session.get("/").then().statusCode(303).header("Location", containsString("/login/totp"));
        session.get("/proposals").then().statusCode(303).header("Location", containsString("/login/totp"));
        assertThat(AuditLog.since(before, "LOGIN_SUCCEEDED")).isEmpty();
        session.get("/login/totp").then().statusCode(200).body(containsString("Code from your authenticator app"));

        // the code used at enrolment does not work twice; the next one does
        // (the very code sent at enrolment: recomputing it could fall in the next 30-second step on a slow machine)
        session.post("/login/totp", "code", me.enrolmentCode()).then().statusCode(400);
        session.post("/login/totp", "code", Totp.code(me.secret(), 1)).then().statusCode(303);

        session.get("/").then().statusCode(200);
        assertThat(AuditLog.since(before, "LOGIN_SUCCEEDED")).singleElement()
                .satisfies(e -> assertThat(e.details).containsEntry("secondFactor", "totp"));
        // HTTP Basic with the password alone no longer signs this account in: it uses a token
        given().auth().preemptive().basic(me.username(), "first-password-1").get("/api/v1/audit/head").then().statusCode(401);
        String token = Tokens.make(session, "after 2fa", "READ");
        given().header("Authorization", "Bearer " + token).get("/api/v1/audit/head").then().statusCode(403);
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        Enrolled me = enrolled("PROPOSER");
        long before = AuditLog.maxId();
        WebSession first = WebSession.as(me.username(), "first-password-1");
        first.get("/login/totp");
        first.post("/login/totp", "code", me.recoveryCodes().get(3)).then().statusCode(303)
                .header("Location", containsString("/account/two-factor"));
        first.get("/account/two-factor").then().body(containsString("9 left")).body(containsString("9 recovery codes left"));
        assertThat(AuditLog.since(before, "RECOVERY_CODE_USED")).hasSize(1);

        WebSession second = WebSession.as(me.username(), "first-password-1");
        second.get("/login/totp");
        second.post("/login/totp", "code", me.recoveryCodes().get(3)).then().statusCode(400);
        second.get("/").then().statusCode(303);
    }

    @Test
    void anAdminCanRequireItForAdminsAndReviewers() {
        String reviewer = AdminUsersTest.uniqueName();
        WebSession admin = WebSession.as("admin");
        AdminUsersTest.createUser(admin, reviewer, "first-password-1", "REVIEWER");
        String proposer = AdminUsersTest.uniqueName();
        AdminUsersTest.createUser(admin, proposer, "first-password-1", "PROPOSER");
        long before = AuditLog.maxId();
        admin.post("/admin/two-factor", "required", "true").then().statusCode(303);
        try {
            assertThat(AuditLog.since(before, "SECURITY_SETTING_CHANGED")).singleElement()
                    .satisfies(e -> assertThat(e.details).containsEntry("value", "required"));
            WebSession r = WebSession.as(reviewer, "first-password-1");
            r.get("/").then().statusCode(303).header("Location", containsString("/account/two-factor?required"));
            String page = r.get("/account/two-factor?required").then().statusCode(200).extract().asString();
            assertThat(page).contains("An admin requires two-factor sign-in for your role");
            r.post("/account/two-factor", "code", Totp.code(Totp.secretOn(page), 0)).then().statusCode(200);
            r.get("/").then().statusCode(200);
            // the admin is asked too
            admin.get("/proposals").then().statusCode(303).header("Location", containsString("/account/two-factor?required"));
            // a proposer is not asked
            WebSession.as(proposer, "first-password-1").get("/").then().statusCode(200);
        } finally {
            admin.post("/admin/two-factor", "required", "false").then().statusCode(303)
                    .header("Location", containsString("/admin/two-factor"));
        }
        assertThat(AuditLog.since(before, "SECURITY_SETTING_CHANGED")).hasSize(2);
    }

    private static WebSession signedInFully(Enrolled me) {
        WebSession session = WebSession.as(me.username(), "first-password-1");
        session.get("/login/totp");
        session.post("/login/totp", "code", Totp.code(me.secret(), 1)).then().statusCode(303);
        return session;
    }
}
