package org.hostingreview.review;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The reviewer's queue. Reviews themselves are posted from the proposal page. */
@Path("/reviews")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ReviewService.QueueRow> rows, long total, String count, String nextPage,
                RawString teamOptions, String status);

    }

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({ Role.REVIEWER_NAME, Role.ADMIN_NAME })
    public TemplateInstance queue(@QueryParam("team") String team, @QueryParam("status") String status,
            @QueryParam("after") String after) {
        Long teamId = parse(team);
        ProposalStatus statusFilter = null;
        try {
            statusFilter = status == null || status.isBlank() ? null : ProposalStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            // unknown filters show the whole queue
        }
        ReviewService.QueueView view = reviews.queueView(currentUser.get(), teamId, statusFilter, after, team);
        ReviewService.QueuePage page = view.page();
        String nextPage = page.next() == null ? null : "?after=" + page.next() + (teamId != null ? "&team=" + teamId : "")
                + (statusFilter != null ? "&status=" + statusFilter.name() : "");
        return Templates.queue(page.rows(), page.total(), page.count(), nextPage, view.teamOptions(),
                status == null ? "" : status);
    }

    private static Long parse(String id) {
        try {
            return id == null || id.isBlank() ? null : Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
