package org.hostingreview.pricing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.support.Demo;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** "Which proposals does this price change" shows only what the viewer may see. */
@QuarkusTest
class CatalogChangeScopeTest {

    @Inject
    EntityManager em;

    @Test
    void aProposerSeesOnlyTheirTeamsProposalsAndNobodySeesAnotherTeamsDrafts() {
        String draftTitle = "Leak probe draft " + System.nanoTime();
        ProposalFixtures.draft(WebSession.as("priya"), draftTitle, "Leak probe feature " + System.nanoTime());
        String page = "/pricing/changes?ref=" + gpt41InForce();

        // the owner team sees its own draft and its other proposals
        WebSession.as("priya").get(page).then().statusCode(200)
                .body(containsString(draftTitle))
                .body(containsString(Demo.WORKED_EXAMPLE));
        // a proposer of another team sees none of them
        WebSession.as("omar").get(page).then().statusCode(200)
                .body(not(containsString(draftTitle)))
                .body(not(containsString(Demo.WORKED_EXAMPLE)))
                .body(not(containsString("Document AI")));
        // an admin and reviewer of a third team sees submitted work of every team, never another team's draft
        WebSession.as("dana").get(page).then().statusCode(200)
                .body(not(containsString(draftTitle)))
                .body(containsString(Demo.WORKED_EXAMPLE));
    }

    private String gpt41InForce() {
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from model_price where model = 'gpt-4.1' and effective_from <= current_date "
                        + "order by effective_from desc, id desc limit 1").getSingleResult()).longValue());
        return CatalogRef.MODEL_PRICE + ":" + id;
    }
}
