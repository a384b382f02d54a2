package org.hostingreview.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

/**
 * The dashboard's to-dos, from the workflow's state: for reviewers, the proposals they may review and the first
 * approvals waiting for a second; for proposers, their drafts, what awaits review and what came back.
 */
@ApplicationScoped
public class Todos {

    @Inject
    ReviewService reviews;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** One thing to do or to know. */
    public record Todo(long id, String title, String what, String href) {
    }

    public record List4(List<Todo> toReview, List<Todo> secondApprovals, List<Todo> drafts, List<Todo> awaiting,
            List<Todo> cameBack) {

        public boolean empty() {
            return toReview.isEmpty() && secondApprovals.isEmpty() && drafts.isEmpty() && awaiting.isEmpty() && cameBack.isEmpty();
        }
    }

    @Transactional(TxType.SUPPORTS)
    public List4 of(SignedInUser me) {
        List<Todo> toReview = new ArrayList<>();
        List<Todo> second = new ArrayList<>();
        if (me.roles().contains(Role.REVIEWER)) {
            for (ReviewService.QueueRow row : reviews.queue(me, null, null)) {
                if (!row.mayReview()) {
                    continue;
                }
                if (row.approvals() > 0 && row.approvals() < row.needed()) {
                    second.add(new Todo(row.id(), row.title(), String.format("%s · %d of %d approvals: a second reviewer must "
                            + "approve", row.team(), row.approvals(), row.needed()), "/proposals/" + row.id() + "#review"));
                } else if (row.approvals() == 0) {
                    toReview.add(new Todo(row.id(), row.title(), row.team() + " · " + (row.status() == ProposalStatus.REVIEW_DUE
                            ? "due for re-review" : "submitted") + ", waiting " + row.ageDays() + " days",
                            "/proposals/" + row.id() + "#review"));
                }
            }
        }
        List<Todo> drafts = new ArrayList<>();
        List<Todo> awaiting = new ArrayList<>();
        List<Todo> cameBack = new ArrayList<>();
        if (me.roles().contains(Role.PROPOSER)) {
            Instant recent = clock.instant().minus(30, ChronoUnit.DAYS);
            List<Proposal> mine = em.createQuery("from Proposal p join fetch p.team where p.owner.id = :me order by p.updatedAt desc",
                    Proposal.class).setParameter("me", me.id()).getResultList();
            for (Proposal p : mine) {
                switch (p.status) {
                    case DRAFT -> drafts.add(new Todo(p.id, p.title, "draft · " + missing(p), "/proposals/" + p.id));
                    case SUBMITTED, REVIEW_DUE -> awaiting.add(new Todo(p.id, p.title, p.status == ProposalStatus.REVIEW_DUE
                            ? "back for review" : "submitted, awaiting review", "/proposals/" + p.id + "#review"));
                    case CHANGES_REQUESTED -> cameBack.add(new Todo(p.id, p.title, "changes requested: " + lastRationale(p),
                            "/proposals/" + p.id));
                    case APPROVED, REJECTED -> {
                        if (p.updatedAt != null && p.updatedAt.isAfter(recent)) {
                            cameBack.add(new Todo(p.id, p.title, p.status.label().toLowerCase(java.util.Locale.ROOT)
                                    + (p.decidedTier != null && p.status == ProposalStatus.APPROVED ? " for " + p.decidedTier.label() : "")
                                    + ": " + lastRationale(p), "/proposals/" + p.id));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new List4(toReview, second, drafts, awaiting, cameBack);
    }

    private static String missing(Proposal p) {
        int n = ProposalService.missingSteps(p).size();
        return n == 0 ? "ready to submit" : n + (n == 1 ? " step" : " steps") + " to answer";
    }

    private String lastRationale(Proposal p) {
        List<Review> history = Review.ofProposal(p.id);
        if (history.isEmpty()) {
            return "";
        }
        Review last = history.get(history.size() - 1);
        String text = last.reviewer.displayName + ": " + last.rationale;
        return text.length() > 160 ? text.substring(0, 159) + "…" : text;
    }
}
