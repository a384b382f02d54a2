package org.hostingreview.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The one lock order for a write on a proposal: its row first ({@code select … for update}), then the audit trail
 * (whose insert takes the chain's advisory lock). Every write on a proposal calls one of these before it loads the
 * proposal or records an audit event, so two writes on one proposal queue behind each other instead of deadlocking, and
 * the second reads what the first committed (a repeated form finds the first's result; a stale version is a 409).
 */
@ApplicationScoped
public class ProposalLocks {

    @Inject
    EntityManager em;

    /** Locks one proposal's row until the transaction ends; no-op when there is no such proposal. */
    @Transactional(TxType.MANDATORY)
    public void one(long proposalId) {
        em.createNativeQuery("select id from proposal where id = ?1 for update").setParameter(1, proposalId).getResultList();
    }

    /**
     * Locks the rows of every proposal with a decision in force (approved or due), in id order: for the sweep and a
     * catalog change, which may re-open any of them after writing to the trail.
     */
    @Transactional(TxType.MANDATORY)
    public void decided() {
        em.createNativeQuery("select id from proposal where status in ('APPROVED', 'REVIEW_DUE') order by id for update")
                .getResultList();
    }
}
