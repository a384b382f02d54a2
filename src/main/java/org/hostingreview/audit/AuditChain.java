package org.hostingreview.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.system.HostingReviewConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Verifies the audit hash chain and signs checkpoints of its head. The database links each row on insert (see
 * migration V4); this walks the rows again, independently: sequence numbers must run 1, 2, 3… without a gap,
 * each row must name the previous row's hash, and its own hash must be the SHA-256 of its canonical fields.
 * The newest checkpoint, signed with an HMAC key the database does not hold, must still be in the chain, so
 * deleting the tail is found too.
 */
@ApplicationScoped
public class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 2_000;

    @Inject
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    HostingReviewConfig config;

    @Inject
    Clock clock;

    /** The outcome of a verification: the first bad sequence number and what is wrong with it, when not ok. */
    public record Verification(boolean ok, long checked, Long firstBadSeq, String problem, Long checkpointSeq) {
    }

    @Transactional(TxType.SUPPORTS)
    public Verification verify() {
        long expectedSeq = 1;
        String previous = GENESIS;
        long checked = 0;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select seq, prev_hash, hash, "
                    + "((extract(epoch from occurred_at) * 1000000)::bigint)::text, actor, action, entity_type, entity_id, "
                    + "team_id, details::text from audit_event where seq >= ?1 order by seq limit " + BATCH)
                    .setParameter(1, expectedSeq).getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (Object[] row : rows) {
                long seq = ((Number) row[0]).longValue();
                if (seq != expectedSeq) {
                    return new Verification(false, checked, expectedSeq, "missing: sequence " + expectedSeq
                            + " is absent (the next row is " + seq + ")", null);
                }
                String prevHash = (String) row[1];
                String hash = (String) row[2];
                if (!previous.equals(prevHash)) {
                    return new Verification(false, checked, seq, "broken link: the row does not name the previous row's hash",
                            null);
                }
                String canonical = seq + "\n" + prevHash + "\n" + row[3] + "\n" + row[4] + "\n" + row[5] + "\n"
                        + nz(row[6]) + "\n" + nz(row[7]) + "\n" + (row[8] == null ? "" : row[8].toString()) + "\n" + row[9];
                if (!sha256(canonical).equals(hash)) {
                    return new Verification(false, checked, seq, "altered: the row's content does not match its hash", null);
                }
                previous = hash;
                expectedSeq++;
                checked++;
            }
        }
        AuditCheckpoint latest = AuditCheckpoint.<AuditCheckpoint>find("order by seq desc, id desc").firstResult();
        if (latest != null) {
            if (!hmac(latest.seq, latest.hash).equals(latest.hmac)) {
                return new Verification(false, checked, latest.seq, "the checkpoint's signature is wrong", latest.seq);
            }
            if (latest.seq > checked) {
                return new Verification(false, checked, checked + 1, "truncated: the chain ends at " + checked
                        + " but a signed checkpoint recorded " + latest.seq, latest.seq);
            }
            String hashThen = (String) em.createNativeQuery("select hash from audit_event where seq = ?1")
                    .setParameter(1, latest.seq).getSingleResult();
            if (!latest.hash.equals(hashThen)) {
                return new Verification(false, checked, latest.seq, "the row at the checkpoint was replaced", latest.seq);
            }
        }
        return new Verification(true, checked, null, null, latest == null ? null : latest.seq);
    }

    /** Signs the current head. Audited, so the checkpoint itself is in the chain. */
    @Transactional
    public AuditCheckpoint checkpoint(String actor) {
        Object[] head = (Object[]) em.createNativeQuery("select seq, hash from audit_event order by seq desc limit 1")
                .getResultStream().findFirst().orElse(null);
        if (head == null) {
            return null;
        }
        AuditCheckpoint checkpoint = new AuditCheckpoint();
        checkpoint.seq = ((Number) head[0]).longValue();
        checkpoint.hash = (String) head[1];
        checkpoint.hmac = hmac(checkpoint.seq, checkpoint.hash);
        checkpoint.createdAt = clock.instant();
        checkpoint.persist();
        audit.event(AuditAction.AUDIT_CHECKPOINT, actor).on("audit", checkpoint.seq).detail("seq", checkpoint.seq)
                .detail("hash", checkpoint.hash).record();
        return checkpoint;
    }

    /** Every hour, when the chain grew since the last checkpoint. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        Number head = QuarkusTransaction.requiringNew().call(
                () -> (Number) em.createNativeQuery("select coalesce(max(seq), 0) from audit_event").getSingleResult());
        AuditCheckpoint latest = QuarkusTransaction.requiringNew().call(
                () -> AuditCheckpoint.<AuditCheckpoint>find("order by seq desc, id desc").firstResult());
        if (head.longValue() > 0 && (latest == null || latest.seq < head.longValue() - 1)) {
            checkpoint(AuditService.SYSTEM);
        }
    }

    String hmac(long seq, String hash) {
        String key = config.audit().checkpointKey().orElseThrow(() -> new IllegalStateException(
                "hosting-review.audit.checkpoint-key (AUDIT_CHECKPOINT_KEY) is not set"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((seq + ":" + hash).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String nz(Object value) {
        return value == null ? "" : value.toString();
    }
}
