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
 * Every checkpoint, signed with an HMAC key the database does not hold, must still be in the chain, in the checkpoint
 * table and (the witness outside the database) in {@link AuditWitness}'s file, so deleting the tail is found even
 * with every checkpoint row deleted too.
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

    /**
     * The outcome of a verification: the first bad sequence number and what is wrong with it, when not ok; the newest
     * checkpoint and how many events came after it (those are protected by the chain only, not yet by a signature).
     */
    public record Verification(boolean ok, long checked, Long firstBadSeq, String problem, Long checkpointSeq,
            long eventsAfterLastCheckpoint) {
        Verification(boolean ok, long checked, Long firstBadSeq, String problem, Long checkpointSeq) {
            this(ok, checked, firstBadSeq, problem, checkpointSeq, 0);
        }
    }

    @Inject
    AuditWitness witness;

    /** The last verification's result and when it ran (for the metrics); null until one ran. */
    private volatile Verification lastVerification;
    private volatile java.time.Instant lastVerifiedAt;

    public Verification lastVerification() {
        return lastVerification;
    }

    public java.time.Instant lastVerifiedAt() {
        return lastVerifiedAt;
    }

    /**
     * Verifies in one snapshot of the database (repeatable read), so a checkpoint committed while it reads (a row, its
     * event in the chain) is seen whole or not at all, never half. The witness is read first: its lines are appended
     * after their checkpoint commits, so each line read is in the snapshot taken next.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Verification verify() {
        List<AuditWitness.Line> witnessed = witness.lines();
        Verification result = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
            return verifyChain(witnessed);
        });
        lastVerification = result;
        lastVerifiedAt = java.time.Instant.now();
        return result;
    }

    private Verification verifyChain(List<AuditWitness.Line> witnessed) {
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
        // every checkpoint row, every checkpoint the chain itself recorded, and every line of the witness outside the
        // database must be signed, within the chain, and name the row that is there now
        long newest = 0;
        List<AuditCheckpoint> rows = AuditCheckpoint.<AuditCheckpoint>find("order by seq, id").list();
        for (AuditCheckpoint c : rows) {
            Verification bad = check(c.seq, c.hash, c.hmac, checked, "checkpoint");
            if (bad != null) {
                return bad;
            }
            newest = Math.max(newest, c.seq);
        }
        for (AuditWitness.Line line : witnessed) {
            Verification bad = check(line.seq(), line.hash(), line.hmac(), checked, "witnessed checkpoint");
            if (bad != null) {
                return bad;
            }
            newest = Math.max(newest, line.seq());
        }
        java.util.Set<String> signed = new java.util.HashSet<>();
        rows.forEach(c -> signed.add(c.seq + ":" + c.hash));
        @SuppressWarnings("unchecked")
        List<Object[]> inChain = em.createNativeQuery("select seq, details ->> 'seq', details ->> 'hash' from audit_event "
                + "where action = 'AUDIT_CHECKPOINT' order by seq").getResultList();
        for (Object[] event : inChain) {
            String seq = (String) event[1];
            String hash = (String) event[2];
            if (seq == null || hash == null || !seq.matches("\\d{1,18}")) {
                continue;
            }
            if (!signed.contains(seq + ":" + hash)) {
                return new Verification(false, checked, Long.parseLong(seq), "the checkpoint the chain recorded at "
                        + event[0] + " is missing from the checkpoint table", newest == 0 ? null : newest);
            }
        }
        return new Verification(true, checked, null, null, newest == 0 ? null : newest, Math.max(0, checked - newest));
    }

    private Verification check(long seq, String hash, String signature, long chainLength, String what) {
        if (!hmac(seq, hash).equals(signature)) {
            return new Verification(false, chainLength, seq, "the " + what + "'s signature is wrong", seq);
        }
        if (seq > chainLength) {
            return new Verification(false, chainLength, chainLength + 1, "truncated: the chain ends at " + chainLength
                    + " but a signed " + what + " recorded " + seq, seq);
        }
        Object hashThen = em.createNativeQuery("select hash from audit_event where seq = ?1").setParameter(1, seq)
                .getResultStream().findFirst().orElse(null);
        if (!hash.equals(hashThen)) {
            return new Verification(false, chainLength, seq, "the row at the " + what + " was replaced", seq);
        }
        return null;
    }

    /** The newest signed head, for external monitors; null when nothing was signed yet. */
    @Transactional(TxType.SUPPORTS)
    public AuditCheckpoint head() {
        return AuditCheckpoint.<AuditCheckpoint>find("order by seq desc, id desc").firstResult();
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
        audit.event(AuditAction.AUDIT_CHECKPOINT, actor).on(AuditEntity.AUDIT, checkpoint.seq).detail("seq", checkpoint.seq)
                .detail("hash", checkpoint.hash).record();
        witness.afterCommit(checkpoint);
        return checkpoint;
    }

    /**
     * Checked every few seconds: signs a checkpoint once {@code checkpoint-every-events} events were written since
     * the last one, or {@code checkpoint-every} passed and the chain grew.
     */
    @Scheduled(every = "${hosting-review.audit.checkpoint-check:10s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void often() {
        Number head = QuarkusTransaction.requiringNew().call(
                () -> (Number) em.createNativeQuery("select coalesce(max(seq), 0) from audit_event").getSingleResult());
        AuditCheckpoint latest = QuarkusTransaction.requiringNew().call(this::head);
        long since = head.longValue() - (latest == null ? 0 : latest.seq);
        boolean due = since >= config.audit().checkpointEveryEvents()
                || since > 1 && (latest == null || !latest.createdAt.plus(config.audit().checkpointEvery()).isAfter(clock.instant()));
        if (head.longValue() > 0 && due) {
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
