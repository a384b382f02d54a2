package org.hostingreview.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.util.List;

import jakarta.inject.Inject;

import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A tail cannot vanish unnoticed, even with every checkpoint row deleted as well (done as the owner role). */
@QuarkusTest
class AuditTailTamperTest {

    @Inject
    AuditChain chain;

    @Inject
    AuditService audit;

    @Inject
    AuditWitness witness;

    private void write(int events) {
        for (int i = 0; i < events; i++) {
            QuarkusTransaction.requiringNew().run(() -> audit.event(AuditAction.TEAM_CREATED, "tamper-test").record());
        }
    }

    private long head() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) AuditEvent.getEntityManager()
                .createNativeQuery("select max(seq) from audit_event").getSingleResult()).longValue());
    }

    @Test
    void deletingTheTailAndEveryCheckpointIsFoundThroughTheWitness() throws Exception {
        write(3);
        AuditCheckpoint signed = chain.checkpoint("test");
        assertThat(witness.lines()).anySatisfy(l -> assertThat(l.seq()).isEqualTo(signed.seq));
        write(2);
        long headBefore = head();
        OwnerDatabase.runAsOwner("create table audit_tail_copy2 as select * from audit_event where seq >= " + (signed.seq - 1),
                "create table audit_checkpoint_copy as select * from audit_checkpoint");
        tamper("delete from audit_event where seq >= " + (signed.seq - 1), "delete from audit_checkpoint");
        try {
            AuditChain.Verification v = chain.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.problem()).startsWith("truncated").contains("witnessed checkpoint");
        } finally {
            tamper("insert into audit_event select * from audit_tail_copy2", "insert into audit_checkpoint select * from "
                    + "audit_checkpoint_copy", "drop table audit_tail_copy2", "drop table audit_checkpoint_copy");
        }
        AuditChain.Verification after = chain.verify();
        assertThat(after.ok()).as(after.problem()).isTrue();
        assertThat(head()).isEqualTo(headBefore);
        assertThat(after.eventsAfterLastCheckpoint()).isEqualTo(headBefore - signed.seq);
        assertThat(Files.readString(witness.file())).contains("\"seq\":" + signed.seq);
    }

    @Test
    void aCheckpointRowDeletedAloneIsFoundThroughTheChainsOwnRecord() {
        write(1);
        AuditCheckpoint signed = chain.checkpoint("test");
        OwnerDatabase.runAsOwner("create table audit_checkpoint_one as select * from audit_checkpoint where id = " + signed.id);
        tamper("delete from audit_checkpoint where id = " + signed.id);
        try {
            AuditChain.Verification v = chain.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.problem()).contains("missing from the checkpoint table");
        } finally {
            tamper("insert into audit_checkpoint select * from audit_checkpoint_one", "drop table audit_checkpoint_one");
        }
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void theSignedHeadIsServedForMonitors() {
        write(1);
        AuditCheckpoint signed = chain.checkpoint("test");
        given().auth().preemptive().basic("dana", WebSession.DEMO_PASSWORD).get("/api/v1/audit/head").then().statusCode(200)
                .body("seq", notNullValue()).body("hmac", equalTo(chain.head().hmac));
        assertThat(chain.head().seq).isGreaterThanOrEqualTo(signed.seq);
        given().auth().preemptive().basic("priya", WebSession.DEMO_PASSWORD).get("/api/v1/audit/head").then().statusCode(403);
    }

    private static void tamper(String... statements) {
        List<String> all = new java.util.ArrayList<>(List.of("alter table audit_event disable trigger all"));
        all.addAll(List.of(statements));
        all.add("alter table audit_event enable trigger all");
        for (String trigger : List.of("audit_event_no_update_delete", "audit_event_no_truncate", "audit_event_chain")) {
            all.add("alter table audit_event enable always trigger " + trigger);
        }
        OwnerDatabase.runAsOwner(all.toArray(String[]::new));
    }
}
