package org.hostingreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The audit page names who did what with one look-up per page, not one per person on it. */
@QuarkusTest
class AuditPageStatementsTest {

    @Inject
    AuditService audit;

    @Inject
    EntityManagerFactory emf;

    @Test
    void aPageOfFiftyDifferentActorsCostsWhatAPageOfOneActorCosts() {
        WebSession rachel = WebSession.as("rachel");
        String run = UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 60; i++) {
                audit.event(AuditAction.TEAM_CREATED, "actor-" + run + "-" + i).on(AuditEntity.TEAM, "t-" + run + "-" + i).record();
            }
        });
        String manyPage = rachel.get("/audit?action=TEAM_CREATED").then().statusCode(200).extract().asString();
        assertThat(manyPage).contains("actor-" + run + "-59").contains("actor-" + run + "-10");
        long many = statements(rachel, "/audit?action=TEAM_CREATED");

        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 60; i++) {
                audit.event(AuditAction.TEAM_CREATED, "priya").on(AuditEntity.TEAM, "p-" + run + "-" + i).record();
            }
        });
        String onePage = rachel.get("/audit?action=TEAM_CREATED").then().statusCode(200).extract().asString();
        assertThat(onePage).as("the display name of the actor, looked up in the same batch").contains("Priya Natarajan")
                .doesNotContain("actor-" + run + "-59");
        long one = statements(rachel, "/audit?action=TEAM_CREATED");

        assertThat(many).as("statements for a page of 50 events by 50 people").isEqualTo(one).isLessThanOrEqualTo(5);
    }

    private long statements(WebSession session, String path) {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        session.get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }
}
