package org.hostingreview.account;

import org.hostingreview.web.CurrentUser;
import java.net.URI;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * A session opened with the password of an account with two-factor sign-in leads only to the code page (and logout)
 * until the code is given; an admin or reviewer whom an admin requires to use two-factor sign-in is sent to set it up.
 */
public class TwoFactorFilter {

    private static final Set<String> WHILE_PENDING = Set.of("/login/totp", "/logout");
    /** Enrolment, and (for the admin who just required it) the setting itself, so that it can be undone. */
    private static final Set<String> WHILE_ENROLLING = Set.of("/account/two-factor", "/logout", "/login/totp",
            "/admin/two-factor");

    @Inject
    CurrentUser currentUser;

    @ServerRequestFilter(priority = 150)
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (!currentUser.isSignedIn()) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (currentUser.secondFactorPending()) {
            return WHILE_PENDING.contains(path) ? null : Response.seeOther(URI.create("/login/totp")).build();
        }
        if (currentUser.mustEnrolSecondFactor() && !WHILE_ENROLLING.contains(path) && !path.startsWith("/api/")) {
            return Response.seeOther(URI.create("/account/two-factor?required")).build();
        }
        return null;
    }
}
