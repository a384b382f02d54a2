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

/** A mail to send about a decision (the outbox): written with the change, sent after it commits, once per event. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public long proposalId;

    /** What a notification announces: a decision's review falling due, overdue or re-opened, or a workflow step. */
    public enum Kind {
        DUE, OVERDUE, REOPENED, SUBMITTED, VERDICT, CHANGES_REQUESTED, SECOND_APPROVAL;

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

    /** Fired when a notification is queued; {@link Notifier} mails it once the transaction has committed. */
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
