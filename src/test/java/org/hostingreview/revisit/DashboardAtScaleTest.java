package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard does not grow with the data: each list shows its first ten with the count of all and a link to the
 * whole list, which pages through every decision once; the page's statements stay the same however many there are.
 */
@QuarkusTest
class DashboardAtScaleTest {

    private static final Pattern ROW = Pattern.compile("<a href=\"/proposals/(\\d+)/changes\">#\\d+ Overdue copy \\d+</a>");
    private static final Pattern NEXT = Pattern.compile("<a href=\"(/due/overdue\\?after=[^\"]+)\" rel=\"next\"");

    @Inject
    EntityManager em;


    @Test
    void manyOverdueDecisionsShowTenWithTheirCountAndPageThroughEveryOneOnce() {
        WebSession rachel = WebSession.as("rachel");
        long before = statements(rachel, "/");
        String dashboardBefore = rachel.get("/").then().statusCode(200).extract().asString();
        // sixty-five more overdue decisions, the copies of the demo's overdue one, overdue for 20 to 84 more days
        OwnerDatabase.runAsOwner("insert into proposal (feature_id, team_id, owner_id, title, status, steps_saved, current_tier, "
                + "requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, updated_at, review_round, decided_tier, decided_at, next_review_on, "
                + "due_since, due_reasons) select feature_id, team_id, owner_id, 'Overdue copy ' || g, 'REVIEW_DUE', steps_saved, "
                + "current_tier, requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, now(), review_round, decided_tier, decided_at, next_review_on, "
                + "due_since - 20 - g, due_reasons from proposal, generate_series(1, 65) g "
                + "where title like 'Query rewriting at 1B requests%' and status = 'REVIEW_DUE'");
        try {
            long overdue = count("select count(*) from proposal where status = 'REVIEW_DUE' and due_since <= current_date - 14");
            String dashboard = rachel.get("/").then().statusCode(200).extract().asString();
            String section = DemoRevisitsTest.section(dashboard, "overdue");
            assertThat(section).contains("Overdue (" + overdue + ")").contains("See all " + overdue)
                    .contains("Overdue copy 65").doesNotContain("Overdue copy 1<");
            assertThat(section.split("<li>").length - 1).isLessThanOrEqualTo(10);
            assertThat(dashboard.length()).isLessThan(dashboardBefore.length() + 4_000);
            assertThat(statements(rachel, "/")).isEqualTo(before);

            List<Long> seen = new ArrayList<>();
            String page = rachel.get("/due/overdue").then().statusCode(200).extract().asString();
            assertThat(page).contains(overdue + " in all");
            for (int pages = 0; pages < 10; pages++) {
                Matcher row = ROW.matcher(page);
                while (row.find()) {
                    seen.add(Long.parseLong(row.group(1)));
                }
                Matcher next = NEXT.matcher(page);
                if (!next.find()) {
                    break;
                }
                page = rachel.get(next.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
            }
            assertThat(seen).hasSize(65).doesNotHaveDuplicates();
            WebSession.as("priya").get("/due/overdue").then().statusCode(200)
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Overdue copy")));
            rachel.get("/due/nonsense").then().statusCode(404);
        } finally {
            OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN' where title like 'Overdue copy %'");
        }
    }

    @Test
    void aListOfMoreThanAThousandIsCountedToAHundredOnTheDashboardAndToAThousandOnItsOwnPage() {
        WebSession rachel = WebSession.as("rachel");
        OwnerDatabase.runAsOwner(copies("Long overdue copy ", 1_005));
        try {
            String dashboard = rachel.get("/").then().statusCode(200).extract().asString();
            assertThat(DemoRevisitsTest.section(dashboard, "overdue")).contains("Overdue (100+)").contains("See all 100+");
            // its own page counts further than the dashboard: counted in full, the count was most of the page's time
            String page = rachel.get("/due/overdue").then().statusCode(200).extract().asString();
            assertThat(page).contains("1,000+ in all, 50 on this page.");
        } finally {
            // withdrawn, and changed long ago, so that they do not lead the other tests' lists
            OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN', updated_at = timestamp '2001-01-01' where title like 'Long overdue copy %'");
        }
        String page = rachel.get("/due/overdue").then().statusCode(200).extract().asString();
        long overdue = count("select count(*) from proposal where status = 'REVIEW_DUE' and due_since <= current_date - 14");
        assertThat(page).contains(overdue + " in all").doesNotContain("1,000+");
    }

    @Test
    void theDashboardSaysAHundredAtAHundredAndAHundredPlusFromAHundredAndOne() {
        WebSession rachel = WebSession.as("rachel");
        long overdue = count("select count(*) from proposal where status = 'REVIEW_DUE' and due_since <= current_date - 14");
        assertThat(overdue).isLessThan(100);
        OwnerDatabase.runAsOwner(copies("Hundred overdue copy ", (int) (100 - overdue)));
        try {
            String section = DemoRevisitsTest.section(rachel.get("/").then().statusCode(200).extract().asString(), "overdue");
            assertThat(section).contains("Overdue (100)").contains("See all 100<").doesNotContain("100+");
            OwnerDatabase.runAsOwner(copies("Hundred overdue copy one more ", 1));
            section = DemoRevisitsTest.section(rachel.get("/").then().statusCode(200).extract().asString(), "overdue");
            assertThat(section).contains("Overdue (100+)").contains("See all 100+");
            assertThat(rachel.get("/due/overdue").then().statusCode(200).extract().asString()).contains("101 in all, 50 on this page.");
        } finally {
            OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN', updated_at = timestamp '2001-01-01' where title like 'Hundred overdue copy %'");
        }
    }

    /** {@code n} more overdue decisions, copies of the demo's overdue one titled {@code title} and a number. */
    private static String copies(String title, int n) {
        return "insert into proposal (feature_id, team_id, owner_id, title, status, steps_saved, current_tier, "
                + "requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, updated_at, review_round, decided_tier, decided_at, next_review_on, "
                + "due_since, due_reasons) select feature_id, team_id, owner_id, '" + title + "' || g, 'REVIEW_DUE', steps_saved, "
                + "current_tier, requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, now(), review_round, decided_tier, decided_at, next_review_on, "
                + "due_since - 20 - (g % 80), due_reasons from proposal, generate_series(1, " + n + ") g "
                + "where title like 'Query rewriting at 1B requests%' and status = 'REVIEW_DUE'";
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private long statements(WebSession session, String path) {
        return org.hostingreview.support.Statements.ofPage(session, path);
    }
}
