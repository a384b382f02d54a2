package org.hostingreview.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hostingreview.audit.AuditEvent;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.hostingreview.web.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Signing in through the identity provider, after the provider vouched for the person (the Keycloak journey covers the
 * provider's side): who is matched, who is created, what their groups give them, what an admin's choice keeps.
 */
@QuarkusTest
class SingleSignOnTest {

    static final String ISSUER = "https://idp.example.test/realms/hosting-review";

    @Inject
    SingleSignOn sso;

    @Inject
    AccountService accounts;

    @Inject
    TwoFactorSettings twoFactorSettings;

    static SingleSignOn.Claims claims(String subject, String username, String email, String... groups) {
        return new SingleSignOn.Claims(ISSUER, subject, username, "Sam Sso " + username, email, List.of(groups));
    }

    static UserAccount user(long id) {
        return QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull(id).orElseThrow());
    }

    @Test
    void theFirstSignInCreatesTheUserWithTheMappedTeamAndRolesAndNoPassword() {
        long before = AuditLog.maxId();
        String subject = UUID.randomUUID().toString();
        SingleSignOn.Outcome outcome = sso.signIn(claims(subject, "first-sso", "first-sso@example.com", "search-support",
                "reviewers"), "https://idp.example.test/logout", "id-token", "192.0.2.7");

        assertThat(outcome.user()).isPresent();
        assertThat(outcome.sessionId()).isNotBlank();
        UserAccount user = user(outcome.user().get().id());
        assertThat(user.username).isEqualTo("first-sso");
        assertThat(user.displayName).isEqualTo("Sam Sso first-sso");
        assertThat(user.team.name).isEqualTo("Search & Support");
        assertThat(user.roles).containsExactly(Role.REVIEWER);
        assertThat(user.passwordHash).isNull();
        assertThat(user.ssoIssuer).isEqualTo(ISSUER);
        assertThat(user.ssoSubject).isEqualTo(subject);

        AuditEvent created = AuditLog.since(before, "USER_CREATED").get(0);
        assertThat(created.details).containsEntry("username", "first-sso").containsEntry("via", "single sign-on")
                .containsEntry("subject", subject);
        AuditEvent signedIn = AuditLog.since(before, "LOGIN_SUCCEEDED").get(0);
        assertThat(signedIn.actor).isEqualTo("first-sso");
        assertThat(signedIn.details).containsEntry("via", "single sign-on").containsEntry("client", "192.0.2.7");
        assertThat(QuarkusTransaction.requiringNew().call(() -> accounts.session("first-sso", outcome.sessionId()).user()))
                .as("the sign-in opened a live session like the login form's").isPresent();
    }

    @Test
    void aBuiltInAccountWithTheSameUsernameAndEmailIsNeverTakenOver() {
        UserAccount priya = QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull("priya").orElseThrow());
        SingleSignOn.Outcome outcome = sso.signIn(claims(UUID.randomUUID().toString(), "priya", priya.email, "document-ai"),
                null, null, null);

        assertThat(outcome.user().get().id()).isNotEqualTo(priya.id);
        assertThat(outcome.user().get().username()).isEqualTo("priya-2");
        UserAccount after = QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull("priya").orElseThrow());
        assertThat(after.ssoSubject).isNull();
        assertThat(after.passwordHash).isEqualTo(priya.passwordHash);
    }

    @Test
    void theNextSignInMatchesTheSubjectEvenWithANewNameAndEmailAndFollowsTheGroups() {
        String subject = UUID.randomUUID().toString();
        long id = sso.signIn(claims(subject, "moving-sso", "old@example.com", "document-ai"), null, null, null)
                .user().get().id();
        long before = AuditLog.maxId();

        SingleSignOn.Outcome again = sso.signIn(claims(subject, "renamed-at-the-provider", "new@example.com", "search-support",
                "reviewers"), null, null, null);

        assertThat(again.user().get().id()).isEqualTo(id);
        UserAccount user = user(id);
        assertThat(user.username).as("the username here stays").isEqualTo("moving-sso");
        assertThat(user.email).isEqualTo("new@example.com");
        assertThat(user.team.name).isEqualTo("Search & Support");
        assertThat(user.roles).containsExactly(Role.REVIEWER);
        AuditEvent updated = AuditLog.since(before, "USER_UPDATED").get(0);
        assertThat(updated.actor).isEqualTo("system");
        assertThat(updated.details).containsEntry("via", "single sign-on").containsKey("changes");
    }

    @Test
    void teamAndRolesAnAdminSetAreKeptOverTheGroups() {
        String subject = UUID.randomUUID().toString();
        long id = sso.signIn(claims(subject, "kept-sso", "kept-sso@example.com", "document-ai"), null, null, null)
                .user().get().id();
        UserAccount user = user(id);
        long platform = QuarkusTransaction.requiringNew().call(() -> Team.findByName("Platform").id);
        WebSession admin = WebSession.as("admin");
        admin.post("/admin/users/" + id, WebSession.pairs("displayName", user.displayName, "email", user.email,
                "teamId", platform, "roles", List.of("REVIEWER", "PROPOSER"), "version", user.version))
                .then().statusCode(303);
        assertThat(user(id).ssoRolesSetByAdmin).isTrue();
        AuditEvent edit = AuditLog.of("USER_UPDATED").get(0);
        assertThat(edit.actor).isEqualTo("admin");
        assertThat(edit.details).containsEntry("teamAndRoles", "set by an admin, kept over the identity provider's groups");

        // the provider still says document-ai and nothing else: the admin's choice wins
        sso.signIn(claims(subject, "kept-sso", "kept-sso@example.com", "document-ai"), null, null, null);
        UserAccount after = user(id);
        assertThat(after.team.name).isEqualTo("Platform");
        assertThat(after.roles).containsExactlyInAnyOrder(Role.REVIEWER, Role.PROPOSER);

        // even without any mapped group the user still signs in: an admin decided their team
        assertThat(sso.signIn(claims(subject, "kept-sso", "kept-sso@example.com"), null, null, null).user()).isPresent();

        // the edit page says so, offers to hand back to the groups, and has no password to reset
        String page = admin.get("/admin/users/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("set by an admin and are kept").contains("name=\"fromGroups\"")
                .doesNotContain("Reset password");
        UserAccount kept = user(id);
        admin.post("/admin/users/" + id, WebSession.pairs("displayName", kept.displayName, "email", kept.email,
                "teamId", platform, "roles", List.of("REVIEWER", "PROPOSER"), "version", kept.version, "fromGroups", "on"))
                .then().statusCode(303);
        assertThat(user(id).ssoRolesSetByAdmin).isFalse();
        assertThat(AuditLog.of("USER_UPDATED").get(0).details)
                .containsEntry("teamAndRoles", "from the identity provider's groups again, from the next sign-in");
        sso.signIn(claims(subject, "kept-sso", "kept-sso@example.com", "search-support"), null, null, null);
        assertThat(user(id).team.name).isEqualTo("Search & Support");
        assertThat(user(id).roles).containsExactly(Role.PROPOSER);
    }

    @Test
    void noGroupThatMapsToATeamRefusesTheSignInAndCreatesNoone() {
        long before = AuditLog.maxId();
        long users = QuarkusTransaction.requiringNew().call(() -> UserAccount.count());
        SingleSignOn.Outcome outcome = sso.signIn(claims(UUID.randomUUID().toString(), "teamless", "t@example.com",
                "reviewers", "elsewhere"), null, null, "192.0.2.8");

        assertThat(outcome.user()).isEmpty();
        assertThat(outcome.refused()).contains(SingleSignOn.Refusal.NO_TEAM);
        assertThat(QuarkusTransaction.requiringNew().call(() -> UserAccount.count())).isEqualTo(users);
        AuditEvent failed = AuditLog.since(before, "LOGIN_FAILED").get(0);
        assertThat(failed.details).containsEntry("reason", "no group maps to a team").containsEntry("via", "single sign-on");
    }

    @Test
    void aDeactivatedUserIsRefused() {
        String subject = UUID.randomUUID().toString();
        long id = sso.signIn(claims(subject, "leaver-sso", "leaver@example.com", "document-ai"), null, null, null)
                .user().get().id();
        accounts.setActive(id, false, "admin");
        SingleSignOn.Outcome outcome = sso.signIn(claims(subject, "leaver-sso", "leaver@example.com", "document-ai"),
                null, null, null);
        assertThat(outcome.refused()).contains(SingleSignOn.Refusal.DEACTIVATED);
    }

    @Test
    void httpBasicAndTheLoginFormAreRefusedForASingleSignOnUser() {
        sso.signIn(claims(UUID.randomUUID().toString(), "basic-sso", "basic-sso@example.com", "document-ai"), null, null, null);
        long before = AuditLog.maxId();

        given().auth().preemptive().basic("basic-sso", "").accept("application/json").get("/api/v1/audit/verify")
                .then().statusCode(401);
        given().auth().preemptive().basic("basic-sso", "any-password-at-all").accept("application/json")
                .get("/api/v1/audit/verify").then().statusCode(401);
        assertThat(WebSession.anonymous().tryLogin("basic-sso", "any-password-at-all").getHeader("Location"))
                .contains("error");
        assertThat(AuditLog.since(before, "LOGIN_FAILED")).first()
                .satisfies(e -> assertThat(e.details).containsEntry("reason", "single sign-on only (no password)"));
    }

    @Test
    void aSingleSignOnUserIsNotAskedForASecondFactorEvenWhenAdminsRequireIt() {
        SingleSignOn.Outcome outcome = sso.signIn(claims(UUID.randomUUID().toString(), "reviewer-sso", "r-sso@example.com",
                "document-ai", "reviewers"), null, null, null);
        twoFactorSettings.setRequired(true, "admin");
        try {
            AccountService.SessionCheck check = accounts.session("reviewer-sso", outcome.sessionId());
            assertThat(check.user()).isPresent();
            assertThat(check.live().secondFactorPending()).isFalse();
            assertThat(check.mustEnrolSecondFactor()).isFalse();
            // a built-in reviewer without it is sent to set it up
            WebSession rachel = WebSession.as("rachel");
            assertThat(rachel.get("/").getHeader("Location")).contains("/account/two-factor");
        } finally {
            twoFactorSettings.setRequired(false, "admin");
        }
    }

    @Test
    void withoutAnIssuerTheLoginPageOffersNoSingleSignOnAndItsAddressLeadsToTheLoginForm() {
        given().get("/login").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Sign in with")));
        given().redirects().follow(false).get("/login/sso").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/login"));
    }
}
