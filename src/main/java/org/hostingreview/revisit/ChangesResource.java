package org.hostingreview.revisit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.review.Review;
import org.hostingreview.review.ReviewService;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.NotFoundException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** {@code /proposals/{id}/changes}: what changed since the decision was approved. */
@Path("/proposals/{id}/changes")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ChangesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance changes(RevisitViews.Changes changes);
    }

    @Inject
    ProposalService proposals;

    @Inject
    ReviewService reviews;

    @Inject
    RevisitViews views;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance changes(@PathParam("id") long id) {
        Proposal proposal = proposals.visible(id, currentUser.get());
        Review decision = reviews.decision(id);
        if (decision == null) {
            throw new NotFoundException("Proposal #" + id + " has no approved decision to compare with.");
        }
        return Templates.changes(views.changes(proposal, decision, reviews.decisionState(proposal).text()));
    }
}
