package org.hostingreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The look-up of the actors' display names keeps one plan on a connection: PostgreSQL plans it once, not on every
 * page of the audit log or a proposal's timeline, whatever number of people a page shows.
 */
@QuarkusTest
class ActorNamesPlanTest {

    private static final String LOOK_UP = "select username, display_name from app_user where username = any(%";

    @Inject
    People people;

    @Inject
    EntityManager em;

    @Test
    void theLookUpOfAPagesActorsKeepsItsGenericPlan() {
        List<List<String>> pages = List.of(List.of("rachel", "priya", "dana"), List.of("priya"), List.of("dana", "rachel"));
        Object[] plans = QuarkusTransaction.requiringNew().call(() -> {
            // one transaction: one connection, on which the driver prepares the statement after its fifth run. An
            // organisation's worth of users (deleted again): among the demo's few the planner's costs hardly differ
            // the connection comes from the pool, where earlier tests may have run the look-up (among the demo's few users,
            // with other plans): its prepared statements are dropped, so that the counts below are this test's alone (the
            // driver sees the DEALLOCATE ALL and prepares its statements again)
            em.createNativeQuery("deallocate all").executeUpdate();
            em.createNativeQuery("insert into app_user (username, display_name, email, password_hash, team_id) "
                    + "select 'plan-' || n, 'Plan ' || n, 'plan-' || n || '@example.test', '$2a$12$' || repeat('x', 53), "
                    + "(select min(id) from team) from generate_series(1, 3000) n").executeUpdate();
            ManagedContext request = Arc.container().requestContext();
            for (int i = 0; i < 15; i++) {
                request.activate();
                try {
                    List<String> actors = pages.get(i % pages.size());
                    people.know(actors);
                    assertThat(people.name(actors.get(0))).isNotEqualTo(actors.get(0)); // found: a display name
                } finally {
                    request.terminate();
                }
            }
            Object[] found = (Object[]) em.createNativeQuery("select generic_plans, custom_plans from pg_prepared_statements "
                    + "where statement like ?1").setParameter(1, LOOK_UP).getSingleResult();
            em.createNativeQuery("delete from app_user where username like 'plan-%'").executeUpdate();
            return found;
        });
        long generic = ((Number) plans[0]).longValue();
        long custom = ((Number) plans[1]).longValue();
        // PostgreSQL makes 5 custom plans before it compares them with the generic one; with the names not padded the
        // generic plan (sized for 10) always cost more than a custom one for 1 to 3 and every run was planned
        assertThat(custom).as("custom plans").isLessThanOrEqualTo(5);
        assertThat(generic).as("runs on the generic plan").isGreaterThanOrEqualTo(5);
    }

    @Test
    void paddingRepeatsTheLastUsernameUpToTenAndKeepsLongerLists() {
        assertThat(People.padded(List.of("a", "b"))).containsExactly("a", "b", "b", "b", "b", "b", "b", "b", "b", "b");
        List<String> twelve = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        assertThat(People.padded(twelve)).containsExactlyElementsOf(twelve);
    }
}
