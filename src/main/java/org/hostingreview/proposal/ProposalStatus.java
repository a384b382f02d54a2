package org.hostingreview.proposal;

/** Where a proposal is in its life. The review workflow adds the transitions between the later ones. */
public enum ProposalStatus {
    DRAFT("Draft"),
    SUBMITTED("Submitted"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    CHANGES_REQUESTED("Changes requested"),
    REVIEW_DUE("Review due"),
    SUPERSEDED("Superseded"),
    WITHDRAWN("Withdrawn");

    private final String label;

    ProposalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The proposer may still change the answers. */
    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    /** Not ended: still counts as an open proposal (duplicate check, withdraw). */
    public boolean open() {
        return this != REJECTED && this != SUPERSEDED && this != WITHDRAWN;
    }

    /** May be withdrawn by its team: any status that has not ended. */
    public boolean withdrawable() {
        return canMoveTo(WITHDRAWN);
    }

    /** The legal transitions (the database enforces the same table, {@code proposal_transition}). */
    public boolean canMoveTo(ProposalStatus next) {
        return switch (this) {
            case DRAFT -> next == SUBMITTED || next == WITHDRAWN;
            case SUBMITTED -> next == APPROVED || next == REJECTED || next == CHANGES_REQUESTED || next == WITHDRAWN;
            case CHANGES_REQUESTED -> next == SUBMITTED || next == WITHDRAWN;
            case APPROVED -> next == REVIEW_DUE || next == WITHDRAWN;
            case REVIEW_DUE -> next == APPROVED || next == CHANGES_REQUESTED || next == SUPERSEDED || next == WITHDRAWN;
            case REJECTED, SUPERSEDED, WITHDRAWN -> false;
        };
    }

    /** Waiting for a reviewer: a first review or a re-review. */
    public boolean reviewable() {
        return this == SUBMITTED || this == REVIEW_DUE;
    }

    /** CSS badge flavour. */
    public String tone() {
        return switch (this) {
            case APPROVED -> "ok";
            case SUBMITTED, REVIEW_DUE -> "warn";
            case REJECTED -> "bad";
            case WITHDRAWN, SUPERSEDED -> "muted";
            default -> "";
        };
    }
}
