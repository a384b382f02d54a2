package org.hostingreview.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import jakarta.inject.Inject;

import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Sessions end on the server: logout, password change, admin reset, deactivation, absolute lifetime. */
@QuarkusTest
class SessionsTest {

    @Inject
    TestClock clock;

    @Inject
    jakarta.persistence.EntityManagerFactory emf;

    @Test
    void aSignedInRequestChecksItsSessionInOneStatement() {
        WebSession rachel = WebSession.as("rachel");
        org.hibernate.stat.Statistics statistics = emf.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        rachel.get("/account").then().statusCode(200).body(containsString("rachel"));
        statistics.clear();
        double checks = org.hostingreview.support.Statements.sessionChecks();
        rachel.get("/account").then().statusCode(200).body(containsString("rachel"));
        // the session check (user, team, roles, session row, two-factor setting: one JDBC statement, counted by its
        // metric) and the account page's own read (through Hibernate)
        assertThat(org.hostingreview.support.Statements.sessionChecks() - checks).isEqualTo(1.0);
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
        assertThat(org.hostingreview.support.Statements.ofPage(rachel, "/account")).isEqualTo(2);
    }

    @Test
    void aLoggedOutCookieReplayedLaterIsRefused() {
        WebSession priya = WebSession.as("priya");
        WebSession stolen = priya.replay();
        priya.post("/logout").then().statusCode(303);

        Response replayed = stolen.get("/proposals");
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.getHeader("Location")).contains("/login");
        // and it does not renew itself into a fresh cookie that would work
        assertThat(stolen.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void changingYourPasswordEndsEverySessionOfTheAccountThisOneToo() {
        String username = AdminUsersTest.uniqueName();
        AdminUsersTest.createUser(WebSession.as("admin"), username, "first-password-1", "PROPOSER");
        WebSession laptop = WebSession.as(username, "first-password-1");
        WebSession phone = WebSession.as(username, "first-password-1");

        laptop.post("/account/password", "currentPassword", "first-password-1", "newPassword", "second-password-2",
                "confirmPassword", "second-password-2").then().statusCode(303).header("Location", containsString("/login"));

        // issue 11: a password change ends all of the account's sessions, the one it was made in too
        assertThat(laptop.get("/").statusCode()).isEqualTo(302);
        laptop.get("/login").then().statusCode(200).body(containsString("Every session of your account has ended, this one too"));
        assertThat(phone.get("/").statusCode()).isEqualTo(302);
        phone.get("/login").then().statusCode(200).body(containsString("Your password was changed in another session"));
        WebSession.as(username, "second-password-2").get("/").then().statusCode(200);
    }

    @Test
    void anAdminResetEndsEverySessionOfTheAccount() {
        WebSession admin = WebSession.as("admin");
        String username = AdminUsersTest.uniqueName();
        long id = AdminUsersTest.createUser(admin, username, "first-password-1", "PROPOSER");
        WebSession user = WebSession.as(username, "first-password-1");
        user.get("/").then().statusCode(200);

        admin.post("/admin/users/" + id + "/password", "newPassword", "reset-password-2").then().statusCode(303);

        assertThat(user.get("/").statusCode()).isEqualTo(302);
        user.get("/login").then().statusCode(200).body(containsString("An admin reset your password"));
    }

    @Test
    void aDeactivatedUsersLiveSessionEndsOnTheLoginPageWithAMessageAndNoLoop() {
        WebSession admin = WebSession.as("admin");
        String username = AdminUsersTest.uniqueName();
        long id = AdminUsersTest.createUser(admin, username, "first-password-1", "PROPOSER");
        WebSession user = WebSession.as(username, "first-password-1");
        user.get("/").then().statusCode(200);

        admin.post("/admin/users/" + id + "/deactivate").then().statusCode(303);

        Response next = user.get("/proposals");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.getHeader("Location")).contains("/login");
        user.get("/login").then().statusCode(200).body(containsString("Your account was deactivated"));
        // the page after that is still the login page, not a redirect to itself
        user.get("/login").then().statusCode(200).body(containsString("Log in"));
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() {
        WebSession priya = WebSession.as("priya");
        priya.get("/").then().statusCode(200);
        try {
            clock.jumpTo(1); // a day later: beyond the 12 hours
            assertThat(priya.get("/").statusCode()).isEqualTo(302);
            priya.get("/login").then().statusCode(200).body(containsString("maximum length"));
        } finally {
            clock.reset();
        }
    }
}
