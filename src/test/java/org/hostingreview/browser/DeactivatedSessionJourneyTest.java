package org.hostingreview.browser;

import java.util.List;

import org.hostingreview.account.UserAccount;
import org.hostingreview.support.WebSession;
import org.openqa.selenium.By;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A deactivated user's open tab ends on the login page with a message, not in a redirect loop. */
@QuarkusTest
class DeactivatedSessionJourneyTest extends BrowserTest {

    @Journey
    void aDeactivatedUsersNextClickLandsOnTheLoginPageWithAMessage(int width) {
        atWidth(width);
        WebSession admin = WebSession.as("admin");
        String username = "leaver" + System.nanoTime() % 100_000;
        long team = QuarkusTransaction.requiringNew().call(() -> org.hostingreview.account.Team.findByName("Document AI").id);
        admin.post("/admin/users", WebSession.pairs("username", username, "displayName", "Lea Ver",
                "email", username + "@example.com", "teamId", team, "roles", List.of("PROPOSER"),
                "password", "leaver-password-1")).then().statusCode(303);
        long id = QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull(username).orElseThrow().id);

        logIn(username, "leaver-password-1");
        assertPageShows("Welcome, Lea Ver");

        admin.post("/admin/users/" + id + "/deactivate").then().statusCode(303);

        find(By.linkText("Proposals")).click();
        waitForPath("/login");
        assertPageShows("Your account was deactivated");
        open("/login");
        waitForPath("/login");
        assertPageShows("Log in");
    }
}
