package org.hostingreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hostingreview.support.Totp;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;

/** A person turns on two-factor sign-in by scanning the QR code, then signs in with password and code. */
@QuarkusTest
class TwoFactorJourneyTest extends BrowserTest {

    @Test
    void enrolThenSignInWithPasswordAndCode() {
        WebSession admin = WebSession.as("admin");
        long team = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> org.hostingreview.account.Team.findByName("Document AI").id);
        admin.post("/admin/users", WebSession.pairs("username", "totp-journey", "displayName", "Toto Pee",
                "email", "totp-journey@example.com", "teamId", team, "roles", List.of("REVIEWER"),
                "password", "journey-password-1")).then().statusCode(303);

        logIn("totp-journey", "journey-password-1");
        find(By.linkText("My account")).click();
        waitForPath("/account");
        find(By.id("two-factor")).click();
        waitForPath("/account/two-factor");
        assertPageShows("Two-factor sign-in is off");
        // the QR code is drawn in the page: an SVG of the displayed size with the modules as one path
        org.openqa.selenium.WebElement qr = find(By.id("totp-qr"));
        assertThat(qr.getTagName()).isEqualTo("svg");
        assertThat(qr.getSize().getWidth()).isGreaterThanOrEqualTo(200);
        assertThat(qr.findElement(By.tagName("path")).getAttribute("d")).startsWith("M").hasSizeGreaterThan(500);
        String secret = find(By.id("totp-secret")).getText().strip();
        type("code", Totp.code(secret, 0));
        find(By.id("enable-two-factor")).click();
        assertPageShows("Two-factor sign-in is on.");
        assertThat(driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);

        find(By.cssSelector("form[action='/logout'] button")).click();
        waitForPath("/login");

        open("/login");
        type("j_username", "totp-journey");
        type("j_password", "journey-password-1");
        find(By.cssSelector("form[action='/j_security_check'] button[type=submit]")).click();
        waitForPath("/login/totp");
        assertPageShows("Code from your authenticator app");
        type("code", "000000");
        find(By.id("verify-code")).click();
        assertPageShows("That code does not match");
        type("code", Totp.code(secret, 1));
        find(By.id("verify-code")).click();
        waitForPath("/");
        assertPageShows("Welcome, Toto Pee");
    }
}
