package org.hostingreview.review;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.account.CurrentUser;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.RecommendationView;
import org.hostingreview.web.NotFoundException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** {@code /proposals/{id}/decision}: the decision in force, rendered from the snapshot frozen when it was made. */
@Path("/proposals/{id}/decision")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DecisionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance decision(long proposalId, String title, Review decision, List<Review> approvals,
                RecommendationView view, String takenAt, String asOf);
    }

    @Inject
    ReviewService reviews;

    @Inject
    ProposalService proposals;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance decision(@PathParam("id") long id) {
        Decision d = Decision.of(id, proposals, reviews, currentUser);
        return Templates.decision(id, d.proposal().title, d.review(), d.approvals(), reviews.frozenView(d.review()),
                String.valueOf(d.review().snapshot.get("takenAt")), String.valueOf(d.review().snapshot.get("asOf")));
    }

    /** The approving reviews of the decision in force, for a proposal the user may see. */
    record Decision(Proposal proposal, Review review, List<Review> approvals) {

        static Decision of(long id, ProposalService proposals, ReviewService reviews, CurrentUser currentUser) {
            Proposal proposal = proposals.visible(id, currentUser.get());
            Review decision = reviews.decision(id);
            if (decision == null) {
                throw new NotFoundException("Proposal #" + id + " has no approved decision yet.");
            }
            List<Review> approvals = Review.ofProposal(id).stream()
                    .filter(r -> r.round == decision.round && r.verdict == Verdict.APPROVE).toList();
            return new Decision(proposal, decision, approvals);
        }
    }
}
