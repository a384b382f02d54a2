package org.hostingreview.support;

import org.hostingreview.proposal.Proposal;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Finds the demo data the test profile seeds. */
public final class Demo {

    public static final String WORKED_EXAMPLE = "Self-host Llama 3 70B for document classification";

    private Demo() {
    }

    public static long proposalTitled(String title) {
        return QuarkusTransaction.requiringNew().call(() -> Proposal.<Proposal>find("title", title).firstResult().id);
    }

    public static long workedExample() {
        return proposalTitled(WORKED_EXAMPLE);
    }
}
