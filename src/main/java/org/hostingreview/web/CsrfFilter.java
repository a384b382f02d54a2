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
        if (type != null && (is(type, MediaType.APPLICATION_FORM_URLENCODED_TYPE) || is(type, MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return expired(request);
        }
        return Response.status(Response.Status.FORBIDDEN).type("text/plain; charset=utf-8")
                .entity("Refused: this form has expired or did not come from this site. Go back, reload the page and "
                        + "try again.")
                .build();
    }

    /** Fields never shown back: the token itself, and what only the app fills in. */
    private static final Set<String> HIDDEN = Set.of(CsrfTokens.PARAMETER, "version", "token");

    /** A field of the refused form, shown back read-only so that nothing typed is lost. */
    public record KeptField(String name, String value) {
        public int rows() {
            return (int) Math.max(1, Math.min(12, value.lines().count() + value.length() / 80));
        }
    }

    /**
     * A browser form whose token belongs to no live session of this user: "this form expired — reload", with what was
     * typed shown back (read-only, escaped) and a link to the form's page, which carries the current token.
     */
    private static Response expired(ResteasyReactiveContainerRequestContext request) {
        java.util.List<KeptField> kept = new java.util.ArrayList<>();
        if (request.getServerRequestContext() instanceof org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext rrc
                && rrc.getFormData() != null) {
            for (String name : rrc.getFormData()) {
                if (HIDDEN.contains(name) || kept.size() >= 60) {
                    continue;
                }
                for (var value : rrc.getFormData().get(name)) {
                    if (!value.isFileItem() && value.getValue() != null && !value.getValue().isBlank()) {
                        kept.add(new KeptField(name, value.getValue()));
                    }
                }
            }
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(ErrorPages.Templates.expired(kept, reloadTarget(request.getHeaderString("Referer")))).build();
    }

    /** The page the form came from (same site: the origin check ran first), as a path; the dashboard otherwise. */
    static String reloadTarget(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static boolean is(MediaType type, MediaType expected) {
        return type.getType().equalsIgnoreCase(expected.getType()) && type.getSubtype().equalsIgnoreCase(expected.getSubtype());
    }
}
