package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.hostingreview.account.UserAccount;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.Statements;
import org.hostingreview.support.WebSession;
import org.hostingreview.web.SignedInUser;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The proposals list reads each row's recommended tier from the stored estimate in its own statement, and costs on the
 * fly only the rows whose estimate is missing, stale or older than today's catalog: it shows what the proposal page
 * shows, never a stale tier as if fresh, in a fixed number of statements.
 */
@QuarkusTest
class ProposalListTierTest {

    private static final Pattern ROW = Pattern.compile("<a href=\"/proposals/(\\d+)\">#\\d+ [^<]*</a></td>\\s*"
            + "<td data-label=\"Status\">.*?</td>\\s*<td data-label=\"Recommended now\">([^<]*)</td>", Pattern.DOTALL);
    private static final Pattern NEXT = Pattern.compile("<a href=\"(/proposals\\?[^\"]+)\" rel=\"next\"");
    private static final Pattern PAGE_TIER = Pattern.compile("<h2 id=\"rec-title\">([^<]*)</h2>");

    @Inject
    EntityManager em;

    @Inject
    EntityManagerFactory emf;

    @Inject
    ProposalService proposals;

    @Test
    void theListShowsTheTierTheProposalPageRecommendsForEveryDemoProposal() {
        WebSession rachel = WebSession.as("rachel");
        List<Long> demo = demoProposals();
        Map<Long, String> listed = listed(rachel, "/proposals?sort=oldest");
        assertThat(listed.keySet()).containsAll(demo);
        for (long id : demo) {
            String page = rachel.get("/proposals/" + id).then().statusCode(200).extract().asString();
            Matcher tier = PAGE_TIER.matcher(page);
            assertThat(tier.find()).as("the page of #%d shows a recommendation", id).isTrue();
            assertThat(listed.get(id)).as("the tier the list shows for #%d", id).isEqualTo(tier.group(1).strip());
        }
    }

    @Test
    void aStaleOrOutdatedEstimateIsNotShownAsIfFresh() {
        WebSession rachel = WebSession.as("rachel");
        long id = demoProposals().get(0);
        // the search finds the proposal on the first page (REST Assured encodes the query)
        String path = "/proposals?q=" + title(id);
        String shown = listed(rachel, path).get(id);
        assertThat(shown).as("#%d found by its title", id).isNotNull();
        Tier actual = java.util.Arrays.stream(Tier.values()).filter(t -> t.label().equals(shown)).findFirst().orElseThrow();
        Tier other = actual == Tier.FRONTIER_CLOSED ? Tier.SELF_HOSTED : Tier.FRONTIER_CLOSED;
        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select recommended_tier, cast(catalog_as_of as text) from proposal_estimate where proposal_id = ?1")
                .setParameter(1, id).getSingleResult());
        assertThat(stored[0]).isEqualTo(actual.name());
        try {
            // a stored tier the costing would not give, marked stale: the list costs the row and shows the true tier
            OwnerDatabase.runAsOwner("update proposal_estimate set recommended_tier = '" + other.name() + "', stale = true "
                    + "where proposal_id = " + id);
            assertThat(listed(rachel, path).get(id)).isEqualTo(actual.label());
            // costed before today's catalog came into force: the same
            OwnerDatabase.runAsOwner("update proposal_estimate set stale = false, catalog_as_of = date '2000-01-01' "
                    + "where proposal_id = " + id);
            assertThat(listed(rachel, path).get(id)).isEqualTo(actual.label());
            // up to date as far as the database knows: the list shows what is stored (it does not re-cost the row)
            OwnerDatabase.runAsOwner("update proposal_estimate set catalog_as_of = date '" + stored[1] + "' "
                    + "where proposal_id = " + id);
            assertThat(listed(rachel, path).get(id)).isEqualTo(other.label());
        } finally {
            OwnerDatabase.runAsOwner("update proposal_estimate set recommended_tier = '" + actual.name() + "', stale = false, "
                    + "catalog_as_of = date '" + stored[1] + "' where proposal_id = " + id);
        }
        assertThat(listed(rachel, path).get(id)).isEqualTo(actual.label());
    }

    @Test
    void theListIssuesTheSameStatementsWhateverTheDataAndFilters() {
        SignedInUser rachel = signedIn("rachel");
        SignedInUser priya = signedIn("priya");
        assertThat(ownStatements(rachel, new ProposalQuery(null, null, null, null, null))).isEqualTo(2);
        assertThat(ownStatements(rachel, new ProposalQuery("APPROVED", String.valueOf(priya.teamId()), null, "oldest", null)))
                .isEqualTo(2);
        assertThat(ownStatements(rachel, new ProposalQuery(null, null, "zz-no-such-proposal", null, null))).isEqualTo(2);
        // a search that finds something reads its keys first, then their rows (ProposalSearchPlanTest)
        assertThat(ownStatements(rachel, new ProposalQuery(null, null, "e", null, null))).isEqualTo(3);
        // a proposer sees no team filter: one statement
        assertThat(ownStatements(priya, new ProposalQuery(null, null, null, null, null))).isEqualTo(1);

        WebSession session = WebSession.as("rachel");
        long few = statementsFor(session, "/proposals");
        WebSession proposer = WebSession.as("priya");
        for (int i = 0; i < 25; i++) {
            ProposalFixtures.draft(proposer, "List statements " + i, "List statements feature " + System.nanoTime());
        }
        String page = session.get("/proposals").then().statusCode(200).extract().asString();
        Matcher next = NEXT.matcher(page);
        assertThat(next.find()).isTrue();
        assertThat(statementsFor(session, "/proposals")).isEqualTo(few);
        assertThat(statementsFor(session, next.group(1).replace("&amp;", "&"))).isEqualTo(few);
        assertThat(statementsFor(session, "/proposals?status=DRAFT&team=" + priya.teamId())).isEqualTo(few);
        assertThat(statementsFor(session, "/proposals?q=zz-no-such-proposal")).isEqualTo(few);
        assertThat(statementsFor(session, "/proposals?q=e")).isEqualTo(few + 1);
    }

    /**
     * The list only reads, so it runs without a transaction of its own: no COMMIT, one round trip and Narayana's
     * commit less per page (5 % more pages per second at 100x). Hibernate counts each transaction it took part in; the
     * fewest of three calls, since a background job's transaction may be counted meanwhile.
     */
    @Test
    void theListReadsOutsideATransaction() {
        SignedInUser rachel = signedIn("rachel");
        assertThat(Statements.fewestTransactions(() -> {
            proposals.listPage(rachel, new ProposalQuery(null, null, null, null, null));
            proposals.listPage(rachel, new ProposalQuery(null, null, "e", null, null));
        })).isZero();
        // and a transaction is counted when there is one: the test would not pass on a count that is never kept
        assertThat(Statements.fewestTransactions(() -> QuarkusTransaction.requiringNew()
                .run(() -> proposals.listPage(rachel, new ProposalQuery(null, null, null, null, null))))).isPositive();
    }

    /** The statements of the list's own transaction (the sign-in's excluded), on a second call so that caches are warm. */
    private long ownStatements(SignedInUser me, ProposalQuery query) {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        proposals.listPage(me, query);
        statistics.clear();
        double plain = Statements.plainReads();
        proposals.listPage(me, query);
        return statistics.getPrepareStatementCount() + Math.round(Statements.plainReads() - plain);
    }

    private long statementsFor(WebSession session, String path) {
        return Statements.ofPage(session, path);
    }

    /** Every row's id and the tier it shows, through every page of the list at {@code path}. */
    private static Map<Long, String> listed(WebSession session, String path) {
        Map<Long, String> rows = new LinkedHashMap<>();
        String next = path;
        for (int pages = 0; next != null && pages < 200; pages++) {
            String page = session.get(next).then().statusCode(200).extract().asString();
            Matcher row = ROW.matcher(page);
            while (row.find()) {
                rows.put(Long.parseLong(row.group(1)), row.group(2).strip());
            }
            Matcher more = NEXT.matcher(page);
            next = more.find() ? more.group(1).replace("&amp;", "&") : null;
        }
        return rows;
    }

    /** The demo's proposals: those created before anyone signed in. */
    private List<Long> demoProposals() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant firstSignIn = (Instant) em.createQuery(
                    "select min(e.occurredAt) from AuditEvent e where e.action = 'LOGIN_SUCCEEDED'").getSingleResult();
            List<Long> ids = em.createQuery("select p.id from Proposal p where p.createdAt < :first order by p.id", Long.class)
                    .setParameter("first", firstSignIn == null ? Instant.now() : firstSignIn).getResultList();
            assertThat(ids).hasSizeGreaterThanOrEqualTo(12);
            return ids;
        });
    }

    private String title(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Proposal.class, id).title);
    }

    private SignedInUser signedIn(String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserAccount user = UserAccount.findFull(username).orElseThrow();
            return new SignedInUser(user.id, user.username, user.displayName, user.team.id, user.team.name, user.roles);
        });
    }
}
