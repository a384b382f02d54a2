package org.hostingreview.revisit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.hostingreview.proposal.WorkflowEvent;

/** A mail to send about a decision (the outbox): written with the change, sent by {@link Notifier}'s poller, once per event. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The decision it is about; none for a digest of several ({@link Kind#DIGEST}). */
    @Column(name = "proposal_id")
    public Long proposalId;

    /** What a notification announces: a decision's review falling due, overdue or re-opened, or a workflow step. */
    public enum Kind {
        DUE, OVERDUE, REOPENED, SUBMITTED, VERDICT, CHANGES_REQUESTED, SECOND_APPROVAL,
        /** What a sweep or a catalog re-check made due, re-opened or flagged overdue, several decisions in one mail. */
        DIGEST;

        public static Kind of(WorkflowEvent.What what) {
            return valueOf(what.name());
        }
    }

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String recipients;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Failed deliveries so far. */
    @Column(nullable = false)
    public int attempts;

    /** Not tried again before this (after a failure); null: as soon as the poller runs. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The last delivery's error, for admins. */
    @Column(name = "last_error")
    public String lastError;

    /** Given up after too many failures: listed for admins, never tried again on its own. */
    @Column(name = "set_aside_at")
    public Instant setAsideAt;

    /**
     * The mail's {@code Message-ID}, derived from the event key: a mail sent again after a crash between sending and
     * recording it carries the same id, so mail clients and the people reading them can tell it is the same mail.
     */
    public String messageId() {
        return messageId(eventKey);
    }

    public static String messageId(String eventKey) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(eventKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "<" + java.util.HexFormat.of().formatHex(hash, 0, 16) + ".notification@hosting-review>";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fired when a notification is queued; {@link Notifier} wakes its poller once the transaction has committed. */
    public record Queued(long id) {
    }

    /** Text for a subject or a log line: line breaks and control characters become one space, at most {@code max} long. */
    public static String singleLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029\\p{Cc}]+", " ").strip();
        return flat.length() > max ? flat.substring(0, max - 1) + "…" : flat;
    }
}
