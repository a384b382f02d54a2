package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard reads its forecast candidates from the check-in counts the database keeps per proposal (V24_1) and
 * counts its lists by ranges of their indexes: it shows the same decisions and the same numbers as the walk over the
 * newest check-ins and the counts it replaced, on the demo data and on a generated organisation around it.
 */
@QuarkusTest
class DashboardKeptCountsTest {

    /** The candidates as the dashboard found them before V24_1: the 500 newest check-ins in scope, walked and counted. */
    private static final String WALK = "select p.id, k.checkins, k.last from (select r.proposal_id, r.last, n.checkins from "
            + "(select c.proposal_id, max(c.id) as last from (select c.proposal_id, c.id from checkin c cross join lateral "
            + "(select 1 from proposal p where p.id = c.proposal_id and p.status in ('APPROVED', 'REVIEW_DUE') %s offset 0) "
            + "decided order by c.id desc limit 500) c group by c.proposal_id) r cross join lateral (select count(*) as checkins "
            + "from checkin c where c.proposal_id = r.proposal_id) n where n.checkins >= 3 order by r.last desc limit 5) k "
            + "join proposal p on p.id = k.proposal_id order by k.last desc";

    private static final Pattern FORECAST = Pattern.compile("<a href=\"/proposals/(\\d+)#forecast\">");

    @Inject
    EntityManager em;

    @Inject
    Forecasts forecasts;

    @Inject
    org.hostingreview.system.HostingReviewConfig config;

    @Test
    void theForecastsAreThoseOfTheDecisionsTheCheckInWalkFoundOnTheDemoAndOnAGeneratedOrganisation() {
        assertSameCandidatesAsTheWalk();
        assertTheDashboardForecastsTheCandidates("rachel", null);
        // forty decisions copied from the demo's two approved ones (two teams), with none to six check-ins each, the
        // check-ins of different decisions interleaved and the volume growing 40% a month
        OwnerDatabase.runAsOwner("insert into proposal (feature_id, team_id, owner_id, title, status, steps_saved, current_tier, "
                + "requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, updated_at, review_round, decided_tier, decided_at, next_review_on, "
                + "due_since, due_reasons) select feature_id, team_id, owner_id, 'Checked-in copy ' || g, status, steps_saved, "
                + "current_tier, requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, now(), review_round, decided_tier, decided_at, next_review_on + 200, "
                + "due_since, due_reasons from proposal, generate_series(1, 40) g where proposal.id = (select "
                + "case when g % 2 = 0 then min(q.id) else max(q.id) end from proposal q where q.status = 'APPROVED' "
                + "and q.title not like '%copy%')",
                "insert into checkin (proposal_id, period_start, period_end, requests, input_tokens_per_request, "
                        + "output_tokens_per_request, spend_usd, spend_tier, source, reopened, reasons, recommended_tier, entered_by, "
                        + "created_at) select p.id, current_date - 30 * (8 - k), current_date - 30 * (8 - k) + 29, "
                        + "round(coalesce(p.requests_per_month, 1000000) * power(1.4, k)), 1000, 83, 1000 * power(1.4, k), "
                        + "coalesce(p.decided_tier, 'HOSTED_OPEN'), 'FORM', false, '[]', coalesce(p.decided_tier, 'HOSTED_OPEN'), "
                        + "p.owner_id, now() - interval '1 day' * (8 - k) from proposal p cross join generate_series(1, 6) k "
                        + "where p.title like 'Checked-in copy %' and k <= cast(substring(p.title from 17) as int) % 7 "
                        + "order by k, (cast(substring(p.title from 17) as int) * 7) % 40");
        List<Long> made = new ArrayList<>();
        try {
            assertCountsKept();
            assertThat(count("select count(*) from proposal where title like 'Checked-in copy %' and checkin_count >= 3"))
                    .isGreaterThan(5);
            assertSameCandidatesAsTheWalk();
            assertTheDashboardForecastsTheCandidates("rachel", null);

            // two decisions checked in through the app, the worked example growing 20% a month (as in ForecastPageTest),
            // their check-ins interleaved: the newest forecasts come first, each projects its crossing
            long first = RevisitFixtures.approved("$80,000");
            made.add(first);
            long second = RevisitFixtures.approved("$80,000");
            made.add(second);
            double perRequest = RevisitFixtures.decidedCost(first) / 30_000_000;
            WebSession priya = WebSession.as("priya");
            long volume = 30_000_000;
            for (int back = 3; back >= 1; back--) {
                java.time.YearMonth month = java.time.YearMonth.now().minusMonths(back);
                for (long id : new long[] { first, second }) {
                    priya.get("/proposals/" + id + "/checkins").then().statusCode(200);
                    priya.post("/proposals/" + id + "/checkins", SettlingTest.month(month, volume, perRequest * volume)).then()
                            .statusCode(303);
                }
                volume = Math.round(volume * 1.2);
            }
            assertCountsKept();
            assertSameCandidatesAsTheWalk();
            assertThat(assertTheDashboardForecastsTheCandidates("rachel", null)).as("forecasts shown").startsWith(second, first);
            // the page's statements whatever it shows: the session check, the lists, the to-dos, the forecast candidates
            for (String user : List.of("rachel", "priya", "victor", "dana", "omar")) {
                assertThat(org.hostingreview.support.Statements.ofPage(WebSession.as(user), "/")).as(user + "'s dashboard")
                        .isLessThanOrEqualTo(4);
            }
            for (String user : List.of("rachel", "victor", "dana")) {
                assertThat(org.hostingreview.support.Statements.ofPage(WebSession.as(user), "/reviews")).as(user + "'s queue")
                        .isLessThanOrEqualTo(3);
            }
            long priyasTeam = count("select team_id from app_user where username = 'priya'");
            assertTheDashboardForecastsTheCandidates("priya", priyasTeam);

            // a check-in replaced (deleted) and one moved: the counts follow
            OwnerDatabase.runAsOwner("delete from checkin where id = (select max(c.id) from checkin c join proposal p "
                    + "on p.id = c.proposal_id where p.title like 'Checked-in copy %')",
                    "update checkin set proposal_id = (select min(id) from proposal where title like 'Checked-in copy %') "
                            + "where id = (select max(c.id) from checkin c join proposal p on p.id = c.proposal_id "
                            + "where p.title = 'Checked-in copy 6')");
            assertCountsKept();
            assertSameCandidatesAsTheWalk();
            assertTheDashboardForecastsTheCandidates("rachel", null);
        } finally {
            OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN' where title like 'Checked-in copy %' or id in ("
                    + made.stream().map(String::valueOf).reduce("0", (a, b) -> a + ", " + b) + ")");
        }
        assertSameCandidatesAsTheWalk();
    }

    @Test
    void eachListCountsTheDecisionsItHoldsWithADayUnknownAmongThoseDueNow() {
        WebSession rachel = WebSession.as("rachel");
        WebSession priya = WebSession.as("priya");
        assertCountsAsThePage(rachel, null);
        // due decisions copied from the demo's: overdue, due now, re-opened recently, with their day unknown
        OwnerDatabase.runAsOwner("insert into proposal (feature_id, team_id, owner_id, title, status, steps_saved, current_tier, "
                + "requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, updated_at, review_round, decided_tier, decided_at, next_review_on, "
                + "due_since, due_reasons) select feature_id, team_id, owner_id, 'Due copy ' || id || '.' || g, 'REVIEW_DUE', steps_saved, "
                + "current_tier, requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, now(), review_round, decided_tier, decided_at, next_review_on, "
                + "case when g % 4 = 0 then null else current_date - (g * 3) % 50 end, due_reasons from proposal, "
                + "generate_series(1, 124) g where status = 'REVIEW_DUE' and title not like '%copy%'");
        try {
            assertCountsAsThePage(rachel, null);
            assertCountsAsThePage(priya, count("select team_id from app_user where username = 'priya'"));
        } finally {
            OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN' where title like 'Due copy %'");
        }
    }

    /**
     * Each list's count on the dashboard is the number of decisions its own definition (the one of V18_2) holds, shown
     * "100+" past a hundred, and on the list's own page in full (up to a thousand).
     */
    private void assertCountsAsThePage(WebSession session, Long team) {
        String page = session.get("/").then().statusCode(200).extract().asString();
        String scope = team == null ? "" : " and team_id = " + team;
        java.time.LocalDate today = org.hostingreview.support.TestClock.appToday();
        String overdueFrom = "date '" + today.minusDays(config.revisit().overdueDays()) + "'";
        java.util.Map<String, String> lists = new java.util.LinkedHashMap<>();
        lists.put("overdue", "status = 'REVIEW_DUE' and coalesce(due_since, date '9999-12-31') <= " + overdueFrom);
        lists.put("due-now", "status = 'REVIEW_DUE' and coalesce(due_since, date '9999-12-31') > " + overdueFrom);
        lists.put("reopened", "status = 'REVIEW_DUE' and " + RevisitViews.REOPENED_BY_MORE_THAN_ITS_DATE.replace("p.", "")
                + " and coalesce(due_since, date '9999-12-31') >= date '" + today.minusDays(30) + "'");
        lists.put("due-soon", "status = 'APPROVED' and next_review_on <= date '" + today.plusDays(30) + "'");
        for (var list : lists.entrySet()) {
            long n = count("select count(*) from proposal where " + list.getValue() + scope);
            if (n == 0) {
                assertThat(page).as(list.getKey()).doesNotContain("id=\"" + list.getKey() + "-title\"");
            } else {
                assertThat(DemoRevisitsTest.section(page, list.getKey() + "-title")).as(list.getKey())
                        .contains("(" + (n > org.hostingreview.web.CappedList.SUMMARY_COUNTED ? "100+" : n) + ")");
                assertThat(session.get("/due/" + list.getKey()).then().statusCode(200).extract().asString()).as(list.getKey() + "'s page")
                        .contains("id=\"due-count\">" + org.hostingreview.web.Numbers.grouped(n) + " in all");
            }
        }
    }

    /** For everyone's dashboard and each team's, the kept counts name the decisions the walk found, in its order. */
    private void assertSameCandidatesAsTheWalk() {
        List<Long> teams = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select id from team order by id", Long.class)
                .getResultList().stream().map(Long.class::cast).toList());
        List<Long> scopes = new ArrayList<>();
        scopes.add(null);
        scopes.addAll(teams);
        for (Long team : scopes) {
            assertThat(candidates(team)).as("team " + team).isEqualTo(walk(team));
        }
    }

    /** The dashboard's forecasts: of the candidates, those whose forecast projects a crossing, newest check-in first. */
    private List<Long> assertTheDashboardForecastsTheCandidates(String user, Long team) {
        List<Long> expected = new ArrayList<>();
        for (List<Long> candidate : walk(team)) {
            Forecast f = QuarkusTransaction.requiringNew().call(() -> forecasts.of((Proposal) Proposal.findById(candidate.get(0))));
            if (f != null && f.projected()) {
                expected.add(candidate.get(0));
            }
        }
        String page = WebSession.as(user).get("/").then().statusCode(200).extract().asString();
        List<Long> shown = new ArrayList<>();
        Matcher m = FORECAST.matcher(page);
        while (m.find()) {
            shown.add(Long.parseLong(m.group(1)));
        }
        assertThat(shown).as(user + "'s forecasts").isEqualTo(expected);
        return shown;
    }

    private void assertCountsKept() {
        assertThat(count("select count(*) from proposal p where p.checkin_count <> (select count(*) from checkin c "
                + "where c.proposal_id = p.id) or p.last_checkin_id is distinct from (select max(c.id) from checkin c "
                + "where c.proposal_id = p.id)")).isZero();
    }

    private List<List<Long>> candidates(Long team) {
        return rows(RevisitViews.FORECAST_CANDIDATES_SQL.replace("select p.id, p.title, t.name, p.version, p.checkin_count, p.last_checkin_id",
                "select p.id, p.checkin_count, p.last_checkin_id") + (team == null ? "" : " and p.team_id = " + team)
                + " order by p.last_checkin_id desc limit " + RevisitViews.FORECAST_CANDIDATES);
    }

    private List<List<Long>> walk(Long team) {
        return rows(String.format(WALK, team == null ? "" : " and p.team_id = " + team));
    }

    private List<List<Long>> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery(sql).getResultList();
            return found.stream().map(r -> java.util.Arrays.stream(r).map(v -> ((Number) v).longValue()).toList()).toList();
        });
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
