package org.hostingreview.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MyAccountTest {

    @Test
    void everyoneCanChangeTheirOwnPassword() {
        WebSession admin = WebSession.as("admin");
        String username = AdminUsersTest.uniqueName();
        AdminUsersTest.createUser(admin, username, "first-password-1", "REVIEWER");
        WebSession me = WebSession.as(username, "first-password-1");
        long before = AuditLog.maxId();

        me.post("/account/password", "currentPassword", "first-password-1", "newPassword", "my-new-password-2",
                "confirmPassword", "my-new-password-2").then().statusCode(303);

        me.get("/login").then().body(containsString("Your password was changed."));
        assertThat(AuditLog.since(before, "PASSWORD_CHANGED")).extracting(e -> e.actor).containsExactly(username);
        WebSession.as(username, "my-new-password-2");
    }

    @Test
    void wrongCurrentPasswordAndMismatchAreFieldErrors() {
        WebSession admin = WebSession.as("admin");
        String username = AdminUsersTest.uniqueName();
        AdminUsersTest.createUser(admin, username, "first-password-1", "PROPOSER");
        WebSession me = WebSession.as(username, "first-password-1");

        me.post("/account/password", "currentPassword", "wrong", "newPassword", "my-new-password-2",
                "confirmPassword", "my-new-password-2").then().statusCode(400)
                .body(containsString("That is not your current password."))
                .body(containsString("id=\"currentPassword\""));
        me.post("/account/password", "currentPassword", "first-password-1", "newPassword", "my-new-password-2",
                "confirmPassword", "something-else-3").then().statusCode(400)
                .body(containsString("The two new passwords differ."));
        WebSession.as(username, "first-password-1");
    }
}
