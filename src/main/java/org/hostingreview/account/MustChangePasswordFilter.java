package org.hostingreview.account;

import java.net.URI;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import org.hostingreview.web.CurrentUser;

/**
 * A password an admin set works for one sign-in only: until the user chooses their own, every page but the password
 * page (and logout) sends them there, and the API refuses.
 */
public class MustChangePasswordFilter {

    private static final Set<String> ALLOWED = Set.of("/account/password", "/logout", "/login");

    @Inject
    CurrentUser currentUser;

    @ServerRequestFilter(priority = 200)
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (!currentUser.isSignedIn() || !currentUser.mustChangePassword()) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (ALLOWED.contains(path)) {
            return null;
        }
        if (path.startsWith("/api/")) {
            return Response.status(Response.Status.FORBIDDEN).type("application/json")
                    .entity("{\"errors\":[{\"field\":\"password\",\"message\":\"An admin reset this password: sign in on "
                            + "the web and choose your own first.\"}]}")
                    .build();
        }
        return Response.seeOther(URI.create("/account/password?mustChange")).build();
    }
}
