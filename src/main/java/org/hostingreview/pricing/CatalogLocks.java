package org.hostingreview.pricing;

import jakarta.persistence.EntityManager;

/**
 * A catalog change may re-open any decision in force (after it wrote its own audit event), so it takes their rows first,
 * in id order, before the trail: the one lock order of every write on a proposal (see {@code proposal.ProposalLocks}).
 * Plain SQL on the proposal table, so that pricing does not depend on the proposal package above it.
 */
final class CatalogLocks {

    private CatalogLocks() {
    }

    static void decided(EntityManager em) {
        em.createNativeQuery("select id from proposal where status in ('APPROVED', 'REVIEW_DUE') order by id for update")
                .getResultList();
    }
}
