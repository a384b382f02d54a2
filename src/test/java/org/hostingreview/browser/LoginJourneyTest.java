package org.hostingreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.WebSession;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LoginJourneyTest extends BrowserTest {

    @Journey
    void logInVisitDashboardChangePasswordAndLogOut(int width) {
        atWidth(width);
        WebSession admin = WebSession.as("admin");
        String username = "journey" + width;
        admin.post("/admin/users", WebSession.pairs("username", username, "displayName", "Jo Urney",
                "email", username + "@example.com", "teamId", teamId(), "roles", List.of("PROPOSER"),
                "password", "journey-password-1"));

        open("/login");
        type("j_username", username);
        type("j_password", "not-my-password");
        find(By.cssSelector("form[action='/j_security_check'] button[type=submit]")).click();
        assertPageShows("Unknown username or wrong password");
        OwnerDatabase.forgetFailedSignIns();
        assertThat(find(By.id("j_username")).getAttribute("value")).isEqualTo(username);
        assertNoSidewaysScroll();

        logIn(username, "journey-password-1");
        assertPageShows("Welcome, Jo Urney");

        find(By.linkText("My account")).click();
        waitForPath("/account");
        find(By.id("change-password")).click();
        waitForPath("/account/password");
        type("currentPassword", "journey-password-1");
        type("newPassword", "short");
        type("confirmPassword", "short");
        find(By.cssSelector("form[action='/account/password'] button")).click();
        assertPageShows("Use at least 10 characters.");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("newPassword");

        type("currentPassword", "journey-password-1");
        type("newPassword", "journey-password-2");
        type("confirmPassword", "journey-password-2");
        find(By.cssSelector("form[action='/account/password'] button")).click();
        // issue 11: the change ends every session of the account, this one too
        waitForPath("/login");
        assertPageShows("Your password was changed. Every session of your account has ended, this one too");
        open("/");
        waitForPath("/login");

        logIn(username, "journey-password-2");
        assertPageShows("Welcome, Jo Urney");
        find(By.cssSelector("form[action='/logout'] button")).click();
        waitForPath("/login");
        assertPageShows("You are logged out.");
        open("/");
        waitForPath("/login");

        logIn(username, "journey-password-2");
        assertPageShows("Welcome, Jo Urney");
    }

    private static long teamId() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> org.hostingreview.account.Team.findByName("Document AI").id);
    }
}
