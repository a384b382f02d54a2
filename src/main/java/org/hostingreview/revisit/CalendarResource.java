package org.hostingreview.revisit;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.hostingreview.account.CalendarTokens;

/**
 * {@code /reviews/calendar.ics?token=…}: the review dates in the token owner's scope, for calendar apps, which cannot
 * sign in; the per-user secret in the URL is the credential. An unknown or revoked token gets a plain 404.
 */
@Path("/reviews/calendar.ics")
@PermitAll
public class CalendarResource {

    @Inject
    CalendarTokens tokens;

    @Inject
    ReviewCalendar calendar;

    @GET
    public Response feed(@QueryParam("token") String token) {
        return tokens.owner(token)
                .map(owner -> Response.ok(calendar.ics(owner), "text/calendar; charset=utf-8")
                        .header("Content-Disposition", "inline; filename=\"hosting-review.ics\"")
                        .header("Cache-Control", "private, no-cache"))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type("text/plain; charset=utf-8")
                        .entity("No calendar at this URL: it was revoked or replaced. Make a new one under My account.\n"))
                .build();
    }
}
