package org.hostingreview.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import org.hostingreview.support.Statements;
import org.hostingreview.support.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The team filter of every list page shows the teams as they are now, though its options are written once per state
 * of the teams ({@code team_version}, V27_3, read by the session check): a team created in the app, or inserted,
 * renamed or removed by any other writer, shows on the next page, and an unchanged state costs the page no statement.
 */
@QuarkusTest
class TeamFilterOptionsTest {

    private static final Pattern SELECT = Pattern.compile("<select id=\"team\" name=\"team\">(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option value=\"(\\d+)\"[^>]*>([^<]*)</option>");
    private static final List<String> PAGES = List.of("/proposals", "/reviews", "/portfolio", "/due/overdue", "/audit");

    @Inject
    EntityManager em;

    @Test
    void everyChangeToTheTeamsShowsOnTheNextPage() {
        WebSession rachel = WebSession.as("rachel");
        WebSession dana = WebSession.as("dana");
        String name = "Filter team " + UUID.randomUUID().toString().substring(0, 8);
        for (String page : PAGES) {
            assertThat(teams(rachel, page)).doesNotContain(name);
        }

        // created in the app
        dana.post("/admin/teams", "name", name).then().statusCode(303);
        for (String page : PAGES) {
            assertThat(teams(rachel, page)).as(page).contains(name);
        }

        // renamed by another writer, outside the app
        String renamed = name + " (renamed)";
        sql("update team set name = '" + renamed + "' where name = '" + name + "'");
        for (String page : PAGES) {
            assertThat(teams(rachel, page)).as(page).contains(renamed).doesNotContain(name);
        }

        // inserted and removed by another writer
        String inserted = name + " inserted";
        sql("insert into team (name) values ('" + inserted + "')");
        assertThat(teams(rachel, "/reviews")).contains(renamed, inserted);
        sql("delete from team where name in ('" + inserted + "', '" + renamed + "')");
        for (String page : PAGES) {
            assertThat(teams(rachel, page)).as(page).doesNotContain(renamed, inserted);
        }
    }

    @Test
    void theOptionsCostAStatementOnlyAfterAChange() {
        for (String page : List.of("/proposals", "/audit")) {
            WebSession rachel = WebSession.as("rachel");
            long unchanged = Statements.ofPage(rachel, page);
            assertThat(Statements.ofPage(rachel, page)).as(page).isEqualTo(unchanged);

            String name = "Statement team " + UUID.randomUUID().toString().substring(0, 8);
            sql("insert into team (name) values ('" + name + "')");
            try {
                // the first page after the change reads the teams; the next one reuses what it wrote
                double checks = Statements.sessionChecks();
                double plain = Statements.plainReads();
                var statistics = em.getEntityManagerFactory().unwrap(org.hibernate.SessionFactory.class).getStatistics();
                statistics.clear();
                assertThat(teams(rachel, page)).as(page).contains(name);
                long first = statistics.getPrepareStatementCount() + Math.round(Statements.sessionChecks() - checks)
                        + Math.round(Statements.plainReads() - plain);
                assertThat(first).as(page).isEqualTo(unchanged + 1);
                assertThat(Statements.ofPage(rachel, page)).as(page).isEqualTo(unchanged);
            } finally {
                sql("delete from team where name = '" + name + "'");
            }
        }
    }

    @Test
    void theAuditLogKeepsTheTeamItIsFilteredOn() {
        WebSession rachel = WebSession.as("rachel");
        String name = "Audit filter team " + UUID.randomUUID().toString().substring(0, 8);
        sql("insert into team (name) values ('" + name + "')");
        try {
            Number id = (Number) QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("select id from team where name = '" + name + "'").getSingleResult());
            String html = rachel.get("/audit?team=" + id).then().statusCode(200).extract().asString();
            assertThat(html).contains("<option value=\"" + id + "\" selected>" + name + "</option>");
            String unfiltered = rachel.get("/audit").then().statusCode(200).extract().asString();
            assertThat(unfiltered).contains("<option value=\"" + id + "\">" + name + "</option>").doesNotContain(" selected>" + name);
        } finally {
            sql("delete from team where name = '" + name + "'");
        }
    }

    private static List<String> teams(WebSession session, String page) {
        String html = session.get(page).then().statusCode(200).extract().asString();
        Matcher select = SELECT.matcher(html);
        assertThat(select.find()).as("a team filter on " + page).isTrue();
        List<String> names = new ArrayList<>();
        Matcher option = OPTION.matcher(select.group(1));
        while (option.find()) {
            names.add(option.group(2).replace("&amp;", "&"));
        }
        return names;
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
