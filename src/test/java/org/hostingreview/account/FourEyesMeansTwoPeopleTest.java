package org.hostingreview.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import org.hostingreview.review.ReviewFixtures;
import org.hostingreview.support.WebSession;
import org.hostingreview.web.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** One admin cannot satisfy four eyes alone. */
@QuarkusTest
class FourEyesMeansTwoPeopleTest {

    @Test
    void anAdminCannotGrantThemselvesARole() {
        WebSession admin = WebSession.as("admin");
        long id = QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull("admin").orElseThrow().id);
        long version = QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull(id).orElseThrow().version);
        String team = String.valueOf(AdminUsersTest.teamId("Platform"));
        long platform = QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull(id).orElseThrow().team.id);

        admin.post("/admin/users/" + id, WebSession.pairs("displayName", "Administrator", "email", "admin@example.com",
                "teamId", String.valueOf(platform), "roles", List.of("ADMIN", "REVIEWER"), "version", version))
                .then().statusCode(400).body(containsString("You cannot grant yourself a role"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> UserAccount.findFull(id).orElseThrow().roles))
                .doesNotContain(Role.REVIEWER);
        assertThat(team).isNotBlank();
    }

    @Test
    void aReviewerMadeAfterTheSubmissionCannotApproveIt() {
        long proposal = ReviewFixtures.submitted("priya", "$80,000");
        WebSession admin = WebSession.as("admin");
        String username = AdminUsersTest.uniqueName();
        AdminUsersTest.createUser(admin, username, "puppet-password-1", "REVIEWER");
        WebSession puppet = WebSession.as(username, "puppet-password-1");

        puppet.get("/proposals/" + proposal).then().statusCode(200)
                .body(containsString("You became a reviewer after this proposal was submitted"));
        var refused = ReviewFixtures.review(puppet, proposal, "APPROVE", null, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(ReviewFixtures.reviewsOf(proposal)).isEmpty();
    }

    @Test
    void aPasswordResetMailsTheUser() {
        WebSession admin = WebSession.as("admin");
        String username = AdminUsersTest.uniqueName();
        long id = AdminUsersTest.createUser(admin, username, "first-password-1", "PROPOSER");
        admin.post("/admin/users/" + id + "/password", "newPassword", "reset-password-2").then().statusCode(303);
        // mailed through the mailer (mock in tests)
        assertThat(mailbox().getMailsSentTo(username + "@example.com")).anySatisfy(
                m -> assertThat(m.getSubject()).contains("password was reset"));
    }

    @jakarta.inject.Inject
    io.quarkus.mailer.MockMailbox mailbox;

    private io.quarkus.mailer.MockMailbox mailbox() {
        return mailbox;
    }
}
