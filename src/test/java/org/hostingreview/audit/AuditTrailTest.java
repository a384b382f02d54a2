package org.hostingreview.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hostingreview.account.AccountForms;
import org.hostingreview.account.AccountService;
import org.hostingreview.support.AuditLog;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    AccountService accounts;

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        QuarkusTransaction.requiringNew().run(() -> audit.event(AuditAction.TEAM_CREATED, "test").record());
        for (String sql : new String[] { "update audit_event set actor = 'mallory'", "delete from audit_event",
                "truncate audit_event" }) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate()))
                    // issue 11: the app's role has no UPDATE/DELETE/TRUNCATE on the trail at all; the owner meets the trigger
                    .as(sql).satisfiesAnyOf(e -> assertThat(e).hasStackTraceContaining("append-only"),
                            e -> assertThat(e).hasStackTraceContaining("permission denied"));
        }
        assertThat(AuditLog.of("TEAM_CREATED")).isNotEmpty();
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> audit.event(AuditAction.TEAM_CREATED, "test").record())
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    @Test
    void aChangeThatFailsAfterItsAuditInsertLeavesNeitherRow() {
        long auditBefore = AuditLog.count();
        String name = "Doomed team " + System.nanoTime();

        assertThatThrownBy(() -> createTeamThenFail(name)).hasMessage("boom");

        assertThat(AuditLog.count()).isEqualTo(auditBefore);
        assertThat(QuarkusTransaction.requiringNew().call(() -> org.hostingreview.account.Team.findByName(name))).isNull();
    }

    @Transactional
    void createTeamThenFail(String name) {
        accounts.createTeam(new AccountForms.NewTeam(name), "test");
        em.flush();
        throw new IllegalStateException("boom");
    }
}
