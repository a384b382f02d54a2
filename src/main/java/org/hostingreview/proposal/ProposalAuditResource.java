package org.hostingreview.proposal;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.audit.AuditLog;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.web.CurrentUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** {@code /proposals/{id}/audit}: who did what to a proposal, when, with before → after for edits. */
@Path("/proposals/{id}/audit")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProposalAuditResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(Proposal proposal, List<AuditLog.Row> events, Long nextAfter, boolean later);
    }

    @Inject
    ProposalService proposals;

    @Inject
    AuditLog log;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance timeline(@PathParam("id") long id, @QueryParam("after") String after) {
        Long from = after != null && after.matches("\\d{1,18}") ? Long.valueOf(after) : null;
        Proposal proposal = proposals.visible(id, currentUser.get());
        AuditLog.TimelinePage page = log.timeline(id, from);
        return Templates.timeline(proposal, page.rows(), page.nextAfter(), from != null);
    }
}
