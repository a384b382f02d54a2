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
import org.jboss.logging.Logger;

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
    private static final int PROGRESS_EVERY = 100_000;
    private static final Logger LOG = Logger.getLogger(AuditChain.class);

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
     * {@code full} says the whole chain was walked; otherwise the walk started after {@code fromSeq}, the mark an
     * earlier verification left at a checkpoint, and {@code checked} counts the events walked from there.
     */
    public record Verification(boolean ok, long checked, Long firstBadSeq, String problem, Long checkpointSeq,
            long eventsAfterLastCheckpoint, boolean full, long fromSeq) {
        Verification(boolean ok, long checked, Long firstBadSeq, String problem, Long checkpointSeq) {
            this(ok, checked, firstBadSeq, problem, checkpointSeq, 0, true, 0);
        }

        Verification walked(boolean wholeChain, long from) {
            return new Verification(ok, checked, firstBadSeq, problem, checkpointSeq, eventsAfterLastCheckpoint, wholeChain, from);
        }
    }

    /** How far a verification under way has come (events walked of the chain's length then), for the log and the metrics. */
    public record Progress(long walked, long of) {
    }

    @Inject
    AuditWitness witness;

    /** The last verification's result and when it ran (for the metrics); null until one ran. */
    private volatile Verification lastVerification;
    private volatile java.time.Instant lastVerifiedAt;
    private volatile Progress progress;

    public Verification lastVerification() {
        return lastVerification;
    }

    public java.time.Instant lastVerifiedAt() {
        return lastVerifiedAt;
    }

    /** The verification under way, or null when none runs. */
    public Progress progress() {
        return progress;
    }

    /** Walks the whole chain from its first event (see {@link #verify(boolean)}). */
    @Transactional(TxType.NOT_SUPPORTED)
    public Verification verify() {
        return verify(true);
    }

    /**
     * Verifies in one snapshot of the database (repeatable read), so a checkpoint committed while it reads (a row, its
     * event in the chain) is seen whole or not at all, never half. The witness is read first: its lines are appended
     * after their checkpoint commits, so each line read is in the snapshot taken next.
     * <p>
     * {@code full} walks every event. Otherwise the walk starts at the newest mark a verification left (a checkpoint
     * it found intact, signed): the events up to it are covered by that verification and by every checkpoint's
     * signature, which are all checked again (a history rewritten and re-hashed before the mark changes the hash at
     * the mark or at a checkpoint). A row altered before the mark without re-hashing the rest is found by a full walk
     * only. Either way the chain is read in batches of {@value #BATCH} rows: memory does not grow with the chain.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Verification verify(boolean full) {
        List<AuditWitness.Line> witnessed = witness.lines();
        long started = System.nanoTime();
        Verification result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
                return verifyChain(witnessed, full);
            });
        } finally {
            progress = null;
        }
        LOG.infof("Audit verification (%s, from sequence %d): %s, %d events walked in %d ms", result.full() ? "full" : "incremental",
                result.fromSeq(), result.ok() ? "intact" : "broken at " + result.firstBadSeq() + ": " + result.problem(),
                result.checked(), (System.nanoTime() - started) / 1_000_000);
        if (result.ok() && result.checkpointSeq() != null) {
            mark(result.checkpointSeq(), result.full());
        }
        lastVerification = result;
        lastVerifiedAt = java.time.Instant.now();
        return result;
    }

    /** Leaves a signed mark at a checkpoint a verification found intact, for the next one to start from. */
    private void mark(long seq, boolean full) {
        QuarkusTransaction.requiringNew().run(() -> {
            String hash = (String) em.createNativeQuery("select hash from audit_event where seq = ?1").setParameter(1, seq)
                    .getResultStream().findFirst().orElse(null);
            if (hash != null) {
                em.createNativeQuery("insert into audit_verified (seq, hash, hmac, full_walk, verified_at) values (?1, ?2, ?3, ?4, ?5) "
                        + "on conflict (seq) do nothing").setParameter(1, seq).setParameter(2, hash).setParameter(3, markHmac(seq, hash))
                        .setParameter(4, full).setParameter(5, clock.instant()).executeUpdate();
            }
        });
    }

    private Verification verifyChain(List<AuditWitness.Line> witnessed, boolean full) {
        long head = ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from audit_event").getSingleResult()).longValue();
        long from = 0;
        String previous = GENESIS;
        if (!full) {
            // the newest mark: signed by us, and still naming the row that is there now
            @SuppressWarnings("unchecked")
            List<Object[]> marks = em.createNativeQuery("select v.seq, v.hash, v.hmac, e.hash from audit_verified v "
                    + "left join audit_event e on e.seq = v.seq order by v.seq desc limit 1").getResultList();
            for (Object[] mark : marks) {
                long seq = ((Number) mark[0]).longValue();
                if (!markHmac(seq, (String) mark[1]).equals(mark[2])) {
                    return new Verification(false, 0, seq, "the verification mark at " + seq + " is not signed by this server",
                            null).walked(false, 0);
                }
                if (mark[3] == null) {
                    return new Verification(false, 0, seq, "truncated: the chain ends before the verified mark at " + seq, null)
                            .walked(false, 0);
                }
                if (!mark[1].equals(mark[3])) {
                    return new Verification(false, 0, seq, "the row at the verified mark was replaced", null).walked(false, 0);
                }
                from = seq;
                previous = (String) mark[1];
            }
        }
        long expectedSeq = from + 1;
        long checked = 0;
        progress = new Progress(0, head - from);
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
                            + " is absent (the next row is " + seq + ")", null).walked(full, from);
                }
                String prevHash = (String) row[1];
                String hash = (String) row[2];
                if (!previous.equals(prevHash)) {
                    return new Verification(false, checked, seq, "broken link: the row does not name the previous row's hash",
                            null).walked(full, from);
                }
                String canonical = seq + "\n" + prevHash + "\n" + row[3] + "\n" + row[4] + "\n" + row[5] + "\n"
                        + nz(row[6]) + "\n" + nz(row[7]) + "\n" + (row[8] == null ? "" : row[8].toString()) + "\n" + row[9];
                if (!sha256(canonical).equals(hash)) {
                    return new Verification(false, checked, seq, "altered: the row's content does not match its hash", null)
                            .walked(full, from);
                }
                previous = hash;
                expectedSeq++;
                checked++;
            }
            progress = new Progress(checked, Math.max(checked, head - from));
            if (checked / PROGRESS_EVERY > (checked - rows.size()) / PROGRESS_EVERY) {
                LOG.infof("Audit verification: %d of %d events walked", checked, head - from);
            }
        }
        long length = expectedSeq - 1;
        // every checkpoint row, every checkpoint the chain itself recorded, and every line of the witness outside the
        // database must be signed, within the chain, and name the row that is there now: the rows at the checkpoints
        // are read with them (one query each), not one by one
        long newest = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> checkpoints = em.createNativeQuery("select c.seq, c.hash, c.hmac, e.hash from audit_checkpoint c "
                + "left join audit_event e on e.seq = c.seq order by c.seq, c.id").getResultList();
        java.util.Set<String> signed = new java.util.HashSet<>();
        for (Object[] c : checkpoints) {
            long seq = ((Number) c[0]).longValue();
            Verification bad = check(seq, (String) c[1], (String) c[2], (String) c[3], length, "checkpoint");
            if (bad != null) {
                return bad.walked(full, from);
            }
            signed.add(seq + ":" + c[1]);
            newest = Math.max(newest, seq);
        }
        java.util.Map<Long, String> atWitnessed = new java.util.HashMap<>();
        if (!witnessed.isEmpty()) {
            String seqs = witnessed.stream().map(l -> String.valueOf(l.seq())).distinct()
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("select seq, hash from audit_event where seq = any(cast(?1 as bigint[]))")
                    .setParameter(1, seqs).getResultList();
            found.forEach(f -> atWitnessed.put(((Number) f[0]).longValue(), (String) f[1]));
        }
        for (AuditWitness.Line line : witnessed) {
            Verification bad = check(line.seq(), line.hash(), line.hmac(), atWitnessed.get(line.seq()), length,
                    "witnessed checkpoint");
            if (bad != null) {
                return bad.walked(full, from);
            }
            newest = Math.max(newest, line.seq());
        }
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
                        + event[0] + " is missing from the checkpoint table", newest == 0 ? null : newest).walked(full, from);
            }
        }
        return new Verification(true, checked, null, null, newest == 0 ? null : newest, Math.max(0, length - newest), full, from);
    }

    private Verification check(long seq, String hash, String signature, String hashNow, long chainLength, String what) {
        if (!hmac(seq, hash).equals(signature)) {
            return new Verification(false, chainLength, seq, "the " + what + "'s signature is wrong", seq);
        }
        if (seq > chainLength) {
            return new Verification(false, chainLength, chainLength + 1, "truncated: the chain ends at " + chainLength
                    + " but a signed " + what + " recorded " + seq, seq);
        }
        if (!hash.equals(hashNow)) {
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
        return sign(seq + ":" + hash);
    }

    /** A verification mark's signature: under its own prefix, so that no checkpoint's signature is a mark's. */
    String markHmac(long seq, String hash) {
        return sign("verified:" + seq + ":" + hash);
    }

    private String sign(String text) {
        String key = config.audit().checkpointKey().orElseThrow(() -> new IllegalStateException(
                "hosting-review.audit.checkpoint-key (AUDIT_CHECKPOINT_KEY) is not set"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
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
