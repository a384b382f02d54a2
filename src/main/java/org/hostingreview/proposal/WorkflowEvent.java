package org.hostingreview.proposal;

/**
 * Fired synchronously, inside the transaction, when a proposal's workflow asks someone to act: it was submitted
 * (the reviewers who may review it), a verdict was recorded (the owner team), or a first approval needs a second
 * (the other reviewers). The revisit feature turns it into a mail in the outbox.
 *
 * @param actorId  the user who caused it (not told about their own act)
 * @param what     the event
 * @param detail   one line for the mail: the verdict, the tier approved…
 * @param key      unique per event, so a repeated post mails once
 */
public record WorkflowEvent(Proposal proposal, long actorId, What what, String detail, String key) {

    public enum What {
        SUBMITTED, VERDICT, CHANGES_REQUESTED, SECOND_APPROVAL
    }
}
