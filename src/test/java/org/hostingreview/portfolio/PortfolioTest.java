package org.hostingreview.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostingreview.support.Demo;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PortfolioTest {

    @Test
    void demoFeaturesAreGroupedByRecommendedTierMoversFirst() {
        String page = WebSession.as("rachel").get("/portfolio").then().statusCode(200).extract().asString();
        String hostedOpen = section(page, "group-HOSTED_OPEN");
        assertThat(hostedOpen).contains("Document classification").contains("moves");
        assertThat(section(page, "group-SELF_HOSTED")).contains("Patient-record summaries (EU)")
                .contains("Customs screening (air-gapped)");
        assertThat(page).contains("Spend today").contains("Under the recommendations").contains("would move");
        assertThat(page).doesNotContain("Receipt post-processing");
    }

    @Test
    void aProposerSeesOnlyTheirTeamAndAReviewerCanFilter() {
        String priya = WebSession.as("priya").get("/portfolio").asString();
        assertThat(priya).contains("Document classification").doesNotContain("Search autocomplete");
        String filtered = WebSession.as("rachel").get("/portfolio?team=" + teamOf(Demo.proposalTitled(
                "Autocomplete needs sub-100 ms first tokens"))).asString();
        assertThat(filtered).contains("Search autocomplete").doesNotContain("Document classification");
    }

    private static long teamOf(long proposalId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.hostingreview.proposal.Proposal.<org.hostingreview.proposal.Proposal>findById(proposalId).team.id);
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }
}
