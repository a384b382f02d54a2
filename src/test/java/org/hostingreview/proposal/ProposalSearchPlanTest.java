package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.account.UserAccount;
import org.hostingreview.web.SignedInUser;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A search of the proposals list is planned for its pattern (the planner picks the trigram index or the walk by how
 * often the pattern occurs), but only the statement that finds the page's keys: the statement that reads the rows keeps
 * one plan on a connection, whatever the search and however many it finds. Before, the whole list was one statement,
 * planned on every search (about 1 ms of planning against 0.02 to 0.4 ms of execution at 100x).
 */
@QuarkusTest
class ProposalSearchPlanTest {

    private static final String ROWS = "select p.id, p.title, (select f.name from feature f where f.id = p.feature_id)%"
            + "p.id = any(%";

    @Inject
    ProposalService proposals;

    @Inject
    EntityManager em;

    @Test
    void theRowsOfASearchKeepTheirPlanWhateverItFinds() {
        SignedInUser rachel = QuarkusTransaction.requiringNew().call(() -> {
            UserAccount user = UserAccount.findFull("rachel").orElseThrow();
            return new SignedInUser(user.id, user.username, user.displayName, user.team.id, user.team.name, user.roles);
        });
        // the first four letters of some titles: searches that find one proposal or a few
        @SuppressWarnings("unchecked")
        List<String> searches = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct lower(left(title, 4)) from proposal where title ~ '^[A-Za-z]{4}' order by 1 limit 6").getResultList());
        assertThat(searches).hasSizeGreaterThanOrEqualTo(3);
        Object[] plans = QuarkusTransaction.requiringNew().call(() -> {
            // one transaction: one connection, whose prepared statements from earlier tests are dropped first, so that the
            // counts are this test's (the driver prepares a statement on the server from its fifth run on)
            em.createNativeQuery("deallocate all").executeUpdate();
            for (int i = 0; i < 30; i++) {
                String search = searches.get(i % searches.size());
                List<ProposalRow> rows = proposals.list(rachel, new ProposalQuery(null, null, search, null, null)).rows();
                assertThat(rows).as("search %s", search).isNotEmpty().allSatisfy(row -> assertThat(
                        (row.title() + "\n" + row.feature()).toLowerCase(Locale.ROOT)).contains(search));
                assertThat(rows).extracting(ProposalRow::updatedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            }
            return (Object[]) em.createNativeQuery("select generic_plans, custom_plans from pg_prepared_statements "
                    + "where statement like ?1").setParameter(1, ROWS).getSingleResult();
        });
        long generic = ((Number) plans[0]).longValue();
        long custom = ((Number) plans[1]).longValue();
        // PostgreSQL makes 5 custom plans before it compares them with the generic one
        assertThat(custom).as("custom plans of the rows' statement").isLessThanOrEqualTo(5);
        assertThat(generic).as("runs on its generic plan").isGreaterThanOrEqualTo(15);
    }
}
