package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Set;

import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Pages list a user's roles in one order, Proposer, Reviewer, Admin, on every start of the app: the roles used to be
 * copied with {@code Set.copyOf}, whose order changes with each start of the JVM ("Admin, Reviewer" one day, "Reviewer,
 * Admin" the next).
 */
@QuarkusTest
class RoleOrderTest {

    @Test
    void aSignedInUsersRolesIterateInTheirDeclaredOrderHoweverTheyWereCollected() {
        // Set.of's order depends on a per-JVM salt: without the declared order this fails on most starts of the JVM
        for (Set<Role> roles : java.util.List.of(Set.of(Role.ADMIN, Role.REVIEWER, Role.PROPOSER), Set.of(Role.REVIEWER, Role.ADMIN),
                Set.copyOf(java.util.List.of(Role.ADMIN, Role.PROPOSER)))) {
            SignedInUser user = new SignedInUser(1, "u", "U", 1, "T", roles);
            assertThat(user.roles()).containsExactlyElementsOf(java.util.EnumSet.copyOf(roles));
        }
        assertThat(new SignedInUser(1, "u", "U", 1, "T", Set.of()).roles()).isEmpty();
    }

    @Test
    void theDashboardAndTheAccountPageSayReviewerThenAdmin() {
        WebSession dana = WebSession.as("dana");
        dana.get("/").then().statusCode(200).body(containsString("as Reviewer, Admin."));
        dana.get("/account").then().statusCode(200).body(containsString("Reviewer, Admin</dd>"));
    }
}
