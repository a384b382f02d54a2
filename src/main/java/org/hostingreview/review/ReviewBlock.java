package org.hostingreview.review;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import jakarta.ws.rs.core.Response.Status;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

/**
 * Why a user may not review a proposal now, each with the status a posted verdict is refused with: 403 when this user
 * may never review it, 409 when the proposal's state (or this round) is in the way.
 */
public enum ReviewBlock {
    NOT_A_REVIEWER(Status.FORBIDDEN),
    NOT_REVIEWABLE(Status.CONFLICT),
    OWNED_OR_EDITED(Status.FORBIDDEN),
    REVIEWER_SINCE_SUBMISSION(Status.CONFLICT),
    ALREADY_REVIEWED(Status.CONFLICT);

    private final Status status;

    ReviewBlock(Status status) {
        this.status = status;
    }

    public Status status() {
        return status;
    }

    public String message(Proposal proposal) {
        return switch (this) {
            case NOT_A_REVIEWER -> "Only reviewers review proposals.";
            case NOT_REVIEWABLE -> "The proposal is " + proposal.status.label().toLowerCase(Locale.ROOT)
                    + "; there is nothing to review.";
            case OWNED_OR_EDITED -> "You own or edited this proposal, so another reviewer must review it.";
            // four eyes means two people: a reviewer made after the submission (a puppet) does not count
            case REVIEWER_SINCE_SUBMISSION -> "You became a reviewer after this proposal was submitted, so another reviewer "
                    + "must review it.";
            case ALREADY_REVIEWED -> "You have already reviewed this round; a second approval must come from another reviewer.";
        };
    }

    /**
     * The eligibility rule, for the proposal page, the posted verdict and the queue alike: the first block, or null. The
     * facts that take a query are asked only when the cheaper checks pass.
     */
    public static ReviewBlock of(Proposal proposal, SignedInUser me, BooleanSupplier edited, BooleanSupplier reviewerSinceSubmission,
            BooleanSupplier reviewedThisRound) {
        return of(proposal.status, proposal.owner.id, me, edited, reviewerSinceSubmission, reviewedThisRound);
    }

    /** The same rule on a proposal's status and owner as a list row has them (no entity loaded). */
    public static ReviewBlock of(org.hostingreview.proposal.ProposalStatus status, long ownerId, SignedInUser me, BooleanSupplier edited,
            BooleanSupplier reviewerSinceSubmission, BooleanSupplier reviewedThisRound) {
        if (!me.roles().contains(Role.REVIEWER)) {
            return NOT_A_REVIEWER;
        }
        if (!status.reviewable()) {
            return NOT_REVIEWABLE;
        }
        if (ownerId == me.id() || edited.getAsBoolean()) {
            return OWNED_OR_EDITED;
        }
        if (reviewerSinceSubmission.getAsBoolean()) {
            return REVIEWER_SINCE_SUBMISSION;
        }
        return reviewedThisRound.getAsBoolean() ? ALREADY_REVIEWED : null;
    }
}
