package org.hostingreview.review;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.hostingreview.proposal.ProposalService;
import org.hostingreview.web.CurrentUser;

import io.quarkus.security.Authenticated;

/** {@code /proposals/{id}/decision.md}: the decision in force as a MADR-shaped Markdown record, for git. */
@Path("/proposals/{id}/decision.md")
@Authenticated
public class DecisionRecordResource {

    @Inject
    ReviewService reviews;

    @Inject
    ProposalService proposals;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces("text/markdown; charset=utf-8")
    public Response record(@PathParam("id") long id) {
        DecisionResource.Decision d = DecisionResource.Decision.of(id, proposals, reviews, currentUser);
        return Response.ok(DecisionRecord.markdown(d.review(), d.approvals(), reviews.frozenView(d.review()), d.state()))
                .header("Content-Disposition", "attachment; filename=\"decision-" + id + ".md\"").build();
    }
}
