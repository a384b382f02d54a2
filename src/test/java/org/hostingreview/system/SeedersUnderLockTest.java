package org.hostingreview.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hostingreview.account.AccountBootstrap;
import org.hostingreview.proposal.DemoProposals;
import org.hostingreview.review.DemoReviews;
import org.hostingreview.revisit.DemoRevisits;
import org.hostingreview.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every start-up seeder runs under its advisory lock: while another instance holds it (here: the test, from its own
 * connection), a second start waits, then finds the data seeded and does nothing, instead of crashing on a duplicate.
 */
@QuarkusTest
class SeedersUnderLockTest {

    @Inject
    AccountBootstrap accounts;

    @Inject
    DemoProposals proposals;

    @Inject
    DemoReviews reviews;

    @Inject
    DemoRevisits revisits;

    @Test
    void eachSeederWaitsForAnotherInstanceHoldingItsLock() throws Exception {
        assertWaitsFor(AccountBootstrap.LOCK_KEY, accounts::seed);
        assertWaitsFor(DemoProposals.LOCK_KEY, proposals::seed);
        assertWaitsFor(DemoReviews.LOCK_KEY, reviews::seed);
        assertWaitsFor(DemoRevisits.LOCK_KEY, revisits::seed);
    }

    private static void assertWaitsFor(long key, Runnable seed) throws Exception {
        try (Connection other = OwnerDatabase.asRuntime(); Statement s = other.createStatement()) {
            s.execute("select pg_advisory_lock(" + key + ")");
            CompletableFuture<Void> second = CompletableFuture.runAsync(seed);
            Thread.sleep(700);
            assertThat(second).as("seeder with lock %d runs while another instance holds it", key).isNotDone();
            s.execute("select pg_advisory_unlock(" + key + ")");
            second.get(30, TimeUnit.SECONDS);
        }
    }
}
