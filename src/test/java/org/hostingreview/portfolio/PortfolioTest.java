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


    @Test
    void thePortfolioIssuesTheSameFewStatementsWhateverTheNumberOfFeatures() {
        WebSession rachel = WebSession.as("rachel");
        long few = statementsFor(rachel, "/portfolio");
        WebSession priya = WebSession.as("priya");
        for (int i = 0; i < 30; i++) {
            org.hostingreview.proposal.ProposalFixtures.draft(priya, "Many " + i, "Many features " + System.nanoTime());
        }
        long many = statementsFor(rachel, "/portfolio");

        assertThat(few).as("statements for the portfolio, the sign-in's included").isLessThanOrEqualTo(5);
        assertThat(many).isEqualTo(few);
        assertThat(statementsFor(rachel, "/portfolio?team=1")).isEqualTo(few);
    }

    @Test
    void aReviewerOfEveryTeamPagesOnToo() {
        WebSession priya = WebSession.as("priya");
        for (int i = 0; i < org.hostingreview.portfolio.PortfolioService.PAGE + 2; i++) {
            org.hostingreview.proposal.ProposalFixtures.draft(priya, "Reviewer paged " + i, "Reviewer paged feature " + System.nanoTime());
        }
        WebSession rachel = WebSession.as("rachel");
        String page = rachel.get("/portfolio").then().statusCode(200).extract().asString();
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/portfolio\\?tier=[A-Z_]+&amp;drafts=(?:true|false)&amp;after=[^\"]+)\"")
                .matcher(page);
        assertThat(next.find()).as("a link to a tier's next page").isTrue();
        // every team's lists, no team filter: the cursor was bound as the team's parameter (a 500 before)
        assertThat(rachel.get(next.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString())
                .contains("The whole portfolio");
    }

    @Test
    void aTiersListPagesOnWithItsOwnCursor() {
        WebSession priya = WebSession.as("priya");
        for (int i = 0; i < org.hostingreview.portfolio.PortfolioService.PAGE + 2; i++) {
            org.hostingreview.proposal.ProposalFixtures.draft(priya, "Paged " + i, "Paged feature " + System.nanoTime());
        }
        String page = priya.get("/portfolio").then().statusCode(200).extract().asString();
        // the overview lists the first ten of each list, then links to the rest, 25 a page
        assertThat(page).contains("More drafts &rarr;");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/portfolio\\?tier=[A-Z_]+&amp;drafts=true&amp;after=[^\"]+)\"")
                .matcher(page);
        assertThat(next.find()).as("a link to the next page of drafts").isTrue();
        // the overview shows ten of each list, so other tiers' drafts lists may have a link too, and older drafts of the
        // same figures come first: follow each list's links until a page lists these
        String second = "";
        do {
            for (String link = next.group(1); link != null && !second.contains("Paged "); ) {
                second = priya.get(link.replace("&amp;", "&")).then().statusCode(200).extract().asString();
                java.util.regex.Matcher onward = java.util.regex.Pattern.compile(
                        "href=\"(/portfolio\\?tier=[A-Z_]+&amp;drafts=true&amp;after=[^\"]+)\"").matcher(second);
                link = onward.find() ? onward.group(1) : null;
            }
        } while (!second.contains("Paged ") && next.find());
        assertThat(second).contains("The whole portfolio").contains("Paged ");
        java.util.Set<String> firstIds = ids(page);
        java.util.Set<String> secondIds = ids(second);
        assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
    }

    @Test
    void theOverviewShowsTenOfEachListAndItsLinksWalkTheRestExactlyOnce() {
        WebSession priya = WebSession.as("priya");
        String run = Long.toString(System.nanoTime(), 36);
        int made = PortfolioService.PAGE + 15;
        for (int i = 0; i < made; i++) {
            org.hostingreview.proposal.ProposalFixtures.draft(priya, "Walk " + i, "Walk-" + run + "-" + i);
        }
        String overview = priya.get("/portfolio").then().statusCode(200).extract().asString();
        java.util.regex.Matcher tables = java.util.regex.Pattern.compile("<tbody>(.*?)</tbody>", java.util.regex.Pattern.DOTALL)
                .matcher(overview);
        while (tables.find()) {
            assertThat(tables.group(1).split("<tr", -1).length - 1).as("rows of one list on the overview")
                    .isLessThanOrEqualTo(PortfolioService.OVERVIEW);
        }
        java.util.List<String> seen = new java.util.ArrayList<>(walkNames(overview, run));
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("href=\"(/portfolio\\?tier=[A-Z_]+&amp;drafts=true&amp;after=[^\"]+)\"")
                .matcher(overview);
        int lists = 0;
        while (more.find()) {
            lists++;
            int pages = 0;
            for (String link = more.group(1).replace("&amp;", "&"); link != null; pages++) {
                assertThat(pages).as("pages of one list").isLessThan(60);
                String page = priya.get(link).then().statusCode(200).extract().asString();
                java.util.List<String> here = walkNames(page, run);
                assertThat(here.size()).isLessThanOrEqualTo(PortfolioService.PAGE);
                seen.addAll(here);
                java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/portfolio\\?tier=[A-Z_]+&amp;drafts=true&amp;after=[^\"]+)\"")
                        .matcher(page);
                link = next.find() ? next.group(1).replace("&amp;", "&") : null;
            }
        }
        assertThat(lists).as("a \"More drafts\" link after a list longer than the overview shows").isPositive();
        assertThat(overview).contains("More drafts &rarr;");
        assertThat(seen).as("every new draft, once, over the overview and the pages after it").doesNotHaveDuplicates()
                .hasSize(made);
    }

    private static java.util.List<String> walkNames(String page, String run) {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td>(Walk-" + run + "-\\d+)").matcher(page);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static java.util.Set<String> ids(String page) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a href=\"/proposals/(\\d+)\">#").matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private long statementsFor(WebSession session, String path) {
        return org.hostingreview.support.Statements.ofPage(session, path);
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
