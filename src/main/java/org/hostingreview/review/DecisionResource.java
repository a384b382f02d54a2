package org.hostingreview.review;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.pricing.RecommendationView;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.web.CurrentUser;
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
                RecommendationView view, String takenAt, String asOf, ReviewService.DecisionState state, DecisionSnapshot snapshot);
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
        DecisionSnapshot snapshot = d.review().snapshot;
        return Templates.decision(id, d.proposal().title, d.review(), d.approvals(), reviews.frozenView(d.review()),
                String.valueOf(snapshot.takenAt()), String.valueOf(snapshot.asOf()), d.state(), snapshot);
    }

    /**
     * The decision shown (the one in force, else an approval waiting for its second reviewer), its approvals and its
     * true status, for a proposal the user may see.
     */
    record Decision(Proposal proposal, Review review, List<Review> approvals, ReviewService.DecisionState state) {

        static Decision of(long id, ProposalService proposals, ReviewService reviews, CurrentUser currentUser) {
            Proposal proposal = proposals.visible(id, currentUser.get());
            ReviewService.DecisionState state = reviews.decisionState(proposal);
            if (state == null) {
                throw new NotFoundException("Proposal #" + id + " has no approved decision yet.");
            }
            return new Decision(proposal, state.shown(), state.approvals(), state);
        }
    }
}
