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

    /** May be withdrawn by its team. */
    public boolean withdrawable() {
        return this == DRAFT || this == SUBMITTED || this == CHANGES_REQUESTED;
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
