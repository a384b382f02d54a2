package org.hostingreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.hostingreview.account.UserAccount;
import org.hostingreview.audit.AuditEvent;
import org.hostingreview.support.AuditLog;
import org.hostingreview.web.Role;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Single sign-on through a real Keycloak: the login page's button leads to Keycloak's own login page, which sends the
 * person back signed in (a user created with the team and roles of their Keycloak groups); logging out ends the
 * Keycloak session too. Needs the Keycloak of {@code .ci/run} ({@code HOSTING_REVIEW_KEYCLOAK_URL}); without it the
 * journey is skipped locally, and fails with {@code HOSTING_REVIEW_REQUIRE_KEYCLOAK=true} (set by {@code .ci/run}, which
 * starts Keycloak).
 */
@ExtendWith(SingleSignOnJourneyTest.NeedsKeycloak.class)
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class SingleSignOnJourneyTest extends BrowserTest {

    /**
     * Set by {@code .ci/run}, which starts Keycloak. Not implied by {@code HOSTING_REVIEW_REQUIRE_BROWSER}: a checkout with
     * Chromium but no Keycloak still runs every other journey with browsers required.
     */
    static final boolean KEYCLOAK_REQUIRED = Boolean.parseBoolean(System.getenv("HOSTING_REVIEW_REQUIRE_KEYCLOAK"))
            || Boolean.getBoolean("hosting-review.require-keycloak");

    /** Skips the journey (before the app starts) when no Keycloak is configured and none is required. */
    static class NeedsKeycloak implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (KeycloakProfile.keycloakUrl() != null || KEYCLOAK_REQUIRED) {
                return ConditionEvaluationResult.enabled("Keycloak at " + KeycloakProfile.keycloakUrl());
            }
            return ConditionEvaluationResult.disabled("No Keycloak: " + KeycloakProfile.URL_VARIABLE + " is not set. To run "
                    + "this journey, start Keycloak with the realm src/test/resources/keycloak/hosting-review-realm.json "
                    + "(the README's \"Single sign-on (OpenID Connect)\" says how, and .ci/run does it) and set "
                    + KeycloakProfile.URL_VARIABLE + "=http://127.0.0.1:<port>.");
        }
    }

    @BeforeAll
    static void keycloakIsThere() {
        if (KeycloakProfile.keycloakUrl() == null) {
            Assertions.fail(KeycloakProfile.URL_VARIABLE + " is not set, and HOSTING_REVIEW_REQUIRE_KEYCLOAK is true: the "
                    + "single-sign-on journey is required, not skipped.");
        }
        ignorePagesUnder(KeycloakProfile.keycloakUrl());
    }

    @Test
    void signInThroughKeycloakLandsOnTheDashboardWithTheMappedTeamAndRolesAndLogoutEndsKeycloaksSessionToo() {
        open("/login");
        find(By.id("sign-in-sso")).click();
        // Keycloak's own login page
        waitForKeycloak();
        type("username", "sso-rachel");
        type("password", "sso-journey-password-1");
        find(By.id("kc-login")).click();

        waitForPath("/");
        assertPageShows("Welcome, Rachel Single-Sign-On");
        assertPageShows("Document AI");
        List<String> nav = driver.findElements(By.cssSelector("nav[aria-label=Main] a")).stream().map(e -> e.getText()).toList();
        assertThat(nav).as("a reviewer's navigation").contains("Reviews", "Audit").doesNotContain("Users");

        UserAccount user = QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull("sso-rachel").orElseThrow());
        assertThat(user.ssoIssuer).isEqualTo(KeycloakProfile.keycloakUrl() + "/realms/" + KeycloakProfile.REALM);
        assertThat(user.ssoSubject).isNotBlank();
        assertThat(user.team.name).isEqualTo("Document AI");
        assertThat(user.roles).containsExactly(Role.REVIEWER);
        assertThat(user.passwordHash).isNull();
        AuditEvent signedIn = AuditLog.of("LOGIN_SUCCEEDED").get(0);
        assertThat(signedIn.actor).isEqualTo("sso-rachel");
        assertThat(signedIn.details).containsEntry("via", "single sign-on");

        // the session is the app's own: pages, CSRF-protected forms and the session's end work as for a password sign-in
        find(By.linkText("My account")).click();
        waitForPath("/account");
        assertPageShows("You sign in with single sign-on");
        assertThat(driver.findElements(By.id("change-password"))).as("no password to change here").isEmpty();
        find(By.cssSelector("form[action='/logout'] button")).click();
        // through Keycloak's logout back to the login page
        waitForPath("/login");
        assertPageShows("You are logged out.");
        assertThat(AuditLog.of("LOGOUT").get(0).actor).isEqualTo("sso-rachel");

        // Keycloak's session ended too: signing in again asks for the password at Keycloak
        find(By.id("sign-in-sso")).click();
        waitForKeycloak();
        assertThat(find(By.id("password")).isDisplayed()).isTrue();
    }

    private void waitForKeycloak() {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().startsWith(KeycloakProfile.keycloakUrl() + "/realms/" + KeycloakProfile.REALM));
        find(By.id("username"));
    }
}
