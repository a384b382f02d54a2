package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.audit.AuditChain;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sweep works through more due decisions than one batch holds: every one moves to review once, audited and held for
 * the digest once, then is flagged overdue once; each batch writes its decisions, their events and their held mails as
 * one statement each, and what it writes reads back as what one decision written through Hibernate holds, the chain intact.
 */
@QuarkusTest
class SweepBatchesTest {

    @Inject
    RevisitJob job;

    @Inject
    EntityManager em;

    @Inject
    AuditChain chain;

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

        long copiesRound = count("select max(review_round) from proposal where title like 'Batch due %'");
        long copiesVersion = count("select max(version) from proposal where title like 'Batch due %'");

        RevisitService.Sweep sweep = job.run();
        job.run();
        long due = count("select count(*) from proposal where title like 'Batch due %' and status = 'REVIEW_DUE'");
        // each held for the digest once, and mailed in it; none mailed on its own
        long notified = count("select count(*) from digest_item i join proposal p on p.id = i.proposal_id "
                + "where p.title like 'Batch due %' and i.kind = 'DUE' and i.mailed_at is not null");
        long alone = count("select count(*) from notification n join proposal p on p.id = n.proposal_id "
                + "where p.title like 'Batch due %'");
        long rightState = count("select count(*) from proposal where title like 'Batch due %' and due_since = current_date - 1 "
                + "and review_round = " + (copiesRound + 1) + " and version = " + (copiesVersion + 1) + " and round_approvals = 0");
        long first = count("select min(id) from proposal where title like 'Batch due %'");
        Proposal read = QuarkusTransaction.requiringNew().call(() -> em.find(Proposal.class, first));
        // the same reasons written through Hibernate, on the template (approved, not due): the same jsonb
        boolean sameJson = QuarkusTransaction.requiringNew().call(() -> {
            Proposal p = em.find(Proposal.class, template);
            List<org.hostingreview.proposal.ReopenReason> before = p.dueReasons;
            p.dueReasons = List.of(RevisitService.SCHEDULED);
            em.flush();
            boolean same = (Boolean) em.createNativeQuery("select (select due_reasons from proposal where id = ?1) "
                    + "= (select due_reasons from proposal where id = ?2)").setParameter(1, template).setParameter(2, first).getSingleResult();
            p.dueReasons = before;
            return same;
        });

        // two weeks and more later: every one flagged overdue once, across batches, however often the sweep runs
        OwnerDatabase.runAsOwner("update proposal set due_since = current_date - 20 - cast(id % 3 as int) where title like 'Batch due %' "
                + "and status = 'REVIEW_DUE'");
        RevisitService.Sweep overdueSweep = job.run();
        RevisitService.Sweep again = job.run();
        long overdueMails = count("select count(*) from digest_item i join proposal p on p.id = i.proposal_id "
                + "where p.title like 'Batch due %' and i.kind = 'OVERDUE' and i.mailed_at is not null");
        long overdueEvents = count("select count(distinct e.entity_id) from audit_event e join proposal p on cast(p.id as text) = e.entity_id "
                + "where e.id > " + auditBefore + " and e.action = 'REVIEW_OVERDUE' and p.title like 'Batch due %'");
        long overdueTwice = count("select count(*) from (select entity_id from audit_event where id > " + auditBefore
                + " and action = 'REVIEW_OVERDUE' group by entity_id having count(*) > 1) twice");
        AuditChain.Verification chained = chain.verify(true);
        // the events' details as one written through Hibernate holds them
        long unlikeDetails = count("select count(*) from audit_event e join proposal p on cast(p.id as text) = e.entity_id "
                + "where e.id > " + auditBefore + " and p.title like 'Batch due %' and ((e.action = 'PROPOSAL_REOPENED' and e.details "
                + "<> '{\"reasons\": [\"SCHEDULED: scheduled quarterly review\"], \"changes\": {\"status\": {\"to\": \"REVIEW_DUE\", "
                + "\"from\": \"APPROVED\"}}}') or (e.action = 'REVIEW_OVERDUE' and e.details <> jsonb_build_object('dueSince', "
                + "cast(p.due_since as text))))");
        // out of the other tests' dashboards and queue again
        OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN' where title like 'Batch due %' and status = 'REVIEW_DUE'");

        assertThat(sweep.madeDue()).isGreaterThanOrEqualTo(copies);
        assertThat(due).isEqualTo(copies);
        assertThat(notified).isEqualTo(copies);
        assertThat(alone).isZero();
        assertThat(rightState).isEqualTo(copies);
        assertThat(read.status).isEqualTo(ProposalStatus.REVIEW_DUE);
        assertThat(read.dueReasons).containsExactly(RevisitService.SCHEDULED);
        assertThat(read.dueSince).isEqualTo(LocalDate.now().minusDays(1));
        assertThat(sameJson).isTrue();
        assertThat(overdueSweep.flaggedOverdue()).isGreaterThanOrEqualTo(copies);
        assertThat(again.flaggedOverdue()).isZero();
        assertThat(overdueMails).isEqualTo(copies);
        assertThat(overdueEvents).isEqualTo(copies);
        assertThat(overdueTwice).isZero();
        assertThat(chained.ok()).as(chained.problem()).isTrue();
        assertThat(unlikeDetails).isZero();
        assertThat(AuditLog.since(auditBefore, "PROPOSAL_REOPENED")).filteredOn(e -> !e.entityId.equals(String.valueOf(template)))
                .hasSizeGreaterThanOrEqualTo(copies);
        assertThat(count("select count(*) from (select entity_id from audit_event where id > " + auditBefore
                + " and action = 'PROPOSAL_REOPENED' group by entity_id having count(*) > 1) twice")).isZero();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
