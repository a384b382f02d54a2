package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.support.AuditLog;
import org.hostingreview.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The sweep works through more due decisions than one batch holds: every one moves to review once, audited and notified once. */
@QuarkusTest
class SweepBatchesTest {

    @Inject
    RevisitJob job;

    @Inject
    EntityManager em;

    @Test
    void moreDueDecisionsThanOneBatchAllComeBackOnceEach() {
        long template = RevisitFixtures.approved("12000");
        int copies = 2 * RevisitService.BATCH + 50;
        OwnerDatabase.runAsOwner("alter table proposal disable trigger proposal_status_transition",
                "insert into proposal (feature_id, team_id, owner_id, title, status, steps_saved, current_tier, requests_per_month, "
                        + "input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, mlops_engineers, "
                        + "submitted_at, created_at, updated_at, review_round, decided_tier, decided_at, next_review_on) select "
                        + "feature_id, team_id, owner_id, 'Batch due ' || g, 'APPROVED', steps_saved, current_tier, "
                        + "requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                        + "mlops_engineers, submitted_at, created_at, updated_at, review_round, decided_tier, decided_at, "
                        + "current_date - 1 from proposal, generate_series(1, " + copies + ") g where id = " + template,
                "alter table proposal enable always trigger proposal_status_transition");
        long auditBefore = AuditLog.maxId();

        RevisitService.Sweep sweep = job.run();
        job.run();
        long due = count("select count(*) from proposal where title like 'Batch due %' and status = 'REVIEW_DUE'");
        long notified = count("select count(*) from notification n join proposal p on p.id = n.proposal_id "
                + "where p.title like 'Batch due %' and n.kind = 'DUE'");
        // out of the other tests' dashboards and queue again
        OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN' where title like 'Batch due %' and status = 'REVIEW_DUE'");

        assertThat(sweep.madeDue()).isGreaterThanOrEqualTo(copies);
        assertThat(due).isEqualTo(copies);
        assertThat(notified).isEqualTo(copies);
        assertThat(AuditLog.since(auditBefore, "PROPOSAL_REOPENED")).filteredOn(e -> !e.entityId.equals(String.valueOf(template)))
                .hasSizeGreaterThanOrEqualTo(copies);
        assertThat(count("select count(*) from (select entity_id from audit_event where id > " + auditBefore
                + " and action = 'PROPOSAL_REOPENED' group by entity_id having count(*) > 1) twice")).isZero();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
