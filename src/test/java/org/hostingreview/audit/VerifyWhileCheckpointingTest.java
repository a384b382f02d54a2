package org.hostingreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Verification reads one snapshot: a checkpoint committed while it reads (its row and its event in the chain) is seen
 * whole or not at all. The fault harness found the other case after a database crash: verify read the checkpoint table,
 * a checkpoint committed, and verify then found its event "missing from the checkpoint table".
 */
@QuarkusTest
class VerifyWhileCheckpointingTest {

    @Inject
    AuditChain chain;

    @Test
    void verificationsRunningWhileCheckpointsAreSignedAllFindTheChainIntact() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService signer = Executors.newSingleThreadExecutor();
        Future<Integer> signed = signer.submit(() -> {
            int n = 0;
            while (!stop.get() && n < 400) {
                chain.checkpoint(AuditService.SYSTEM);
                n++;
            }
            return n;
        });
        List<String> problems = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                AuditChain.Verification v = chain.verify();
                if (!v.ok()) {
                    problems.add(v.problem());
                }
            }
        } finally {
            stop.set(true);
            assertThat(signed.get()).isPositive();
            signer.shutdownNow();
        }
        assertThat(problems).isEmpty();
    }
}
