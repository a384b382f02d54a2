package org.hostingreview.web;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.web.CurrentUser;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every state-changing request of a signed-in browser session carries its session's CSRF token, whatever the content
 * type: forms in the {@code csrf-token} field, anything else in the {@code X-CSRF-Token} header. HTTP Basic requests
 * (the API) have no session and need no token: a browser never adds Basic credentials to a forged request on its
 * own. The login POST has no session yet; {@link SecurityFilters} checks its origin.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CsrfTokens csrf;

    @Inject
    CurrentUser currentUser;

    @ServerRequestFilter(priority = 100)
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || !currentUser.isSignedIn() || currentUser.sessionId() == null) {
            return null;
        }
        String token = request.getHeaderString(CsrfTokens.HEADER);
        MediaType type = request.getMediaType();
        if (token == null && type != null && (is(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || is(type, MediaType.MULTIPART_FORM_DATA_TYPE))) {
            Object field = request.getServerRequestContext() instanceof org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext rrc
                    ? rrc.getFormParameter(CsrfTokens.PARAMETER, true, false)
                    : null;
            token = field == null ? null : field.toString();
        }
        if (csrf.matches(token)) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN).type("text/plain; charset=utf-8")
                .entity("Refused: this form has expired or did not come from this site. Go back, reload the page and "
                        + "try again.")
                .build();
    }

    private static boolean is(MediaType type, MediaType expected) {
        return type.getType().equalsIgnoreCase(expected.getType()) && type.getSubtype().equalsIgnoreCase(expected.getSubtype());
    }
}
