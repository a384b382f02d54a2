package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hostingreview.account.Team;
import org.hostingreview.account.UserAccount;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Four eyes means two people: an admin who resets a reviewer's password knows it until the reviewer picks their own,
 * so a review made in the first sign-in after the reset is marked in the history, the decision and the audit event.
 * A review in any later sign-in is not.
 */
@QuarkusTest
class ReviewAfterAdminResetTest {

    @Test
    void aReviewInTheFirstSignInAfterAnAdminResetIsMarkedAndALaterOneIsNot() {
        WebSession admin = WebSession.as("admin");
        String username = "reset" + System.nanoTime() % 1_000_000_000L;
        admin.post("/admin/users", WebSession.pairs("username", username, "displayName", "Test " + username,
                "email", username + "@example.com", "teamId", QuarkusTransaction.requiringNew()
                        .call(() -> Team.findByName("Document AI").id), "roles", List.of("REVIEWER"),
                "password", "first-password-1")).then().statusCode(303);
        long id = QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull(username).orElseThrow().id);
        long first = ReviewFixtures.submitted("omar", "$20,000");
        long second = ReviewFixtures.submitted("omar", "$20,000");

        admin.post("/admin/users/" + id + "/password", "newPassword", "reset-password-2").then().statusCode(303);
        WebSession afterReset = WebSession.as(username, "reset-password-2");
        afterReset.post("/account/password", "currentPassword", "reset-password-2", "newPassword", "chosen-password-3",
                "confirmPassword", "chosen-password-3").then().statusCode(303);
        // whoever chose that password may be the admin: the next sign-in is still the first after the reset
        WebSession firstSignIn = WebSession.as(username, "chosen-password-3");
        long before = AuditLog.maxId();
        ReviewFixtures.review(firstSignIn, first, "REQUEST_CHANGES", null, null).then().statusCode(303);

        assertThat(ReviewFixtures.reviewsOf(first)).singleElement().satisfies(r -> assertThat(r.afterAdminReset).isTrue());
        assertThat(AuditLog.since(before, "REVIEW_RECORDED")).singleElement()
                .satisfies(e -> assertThat(e.details).containsEntry("firstSignInAfterAdminReset", "yes"));
        Response page = WebSession.as("omar").get("/proposals/" + first);
        assertThat(page.asString()).contains("First sign-in after an admin reset")
                .contains("confirm with Test " + username + " that it was them");

        WebSession later = WebSession.as(username, "chosen-password-3");
        ReviewFixtures.review(later, second, "REQUEST_CHANGES", null, null).then().statusCode(303);
        assertThat(ReviewFixtures.reviewsOf(second)).singleElement().satisfies(r -> assertThat(r.afterAdminReset).isFalse());
        assertThat(WebSession.as("omar").get("/proposals/" + second).asString()).doesNotContain("First sign-in after an admin reset");
    }
}
