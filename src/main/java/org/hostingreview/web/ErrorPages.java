package org.hostingreview.web;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Error pages in the layout (JSON under {@code /api}); never a stack trace. {@code /error/404} is where
 * {@link ErrorRoutes} re-routes unmatched URLs; {@link ErrorMappers} renders exceptions through {@link #page}.
 */
@Path("/error")
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String reference);

        static native TemplateInstance unavailable(String title, String message, long retryAfter);

        static native TemplateInstance expired(List<CsrfFilter.KeptField> kept, String reload);

        /** Layout-free, like {@link #unavailable}: rendered before any request scope exists ({@link BodyLimit}). */
        static native TemplateInstance tooLarge(String title, String message);
    }

    @GET
    @Path("404")
    @PermitAll
    public Response notFoundGet(UriInfo uri, HttpHeaders headers) {
        return page(404, "Page not found", "There is nothing at this address.", null, uri, headers);
    }

    @POST
    @Path("404")
    @PermitAll
    public Response notFoundPost(UriInfo uri, HttpHeaders headers) {
        return notFoundGet(uri, headers);
    }

    static boolean isApi(UriInfo uri, HttpHeaders headers) {
        return uri.getPath().startsWith("/api/") || wantsJson(headers);
    }

    /** 400 with every field and its message, for the JSON API: {@code {"status":400,"errors":[{"field","message"}]}}. */
    static Response fieldErrors(FormErrors errors) {
        List<Map<String, String>> list = errors.getAll().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", 400, "error", "Bad request", "errors", list)).build();
    }

    static Response page(int status, String title, String message, String reference, UriInfo uri,
            HttpHeaders headers) {
        if (isApi(uri, headers)) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(reference == null ? Map.of("status", status, "error", title, "message", message)
                            : Map.of("status", status, "error", title, "message", message, "reference", reference))
                    .build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, message, reference)).build();
    }

    /** Seconds a client should wait before trying again when the database is unreachable, or read-only for maintenance. */
    static final long RETRY_AFTER_OUTAGE = 5;
    static final long RETRY_AFTER_MAINTENANCE = 60;

    static String unavailableTitle(DatabaseFailure kind) {
        return kind == DatabaseFailure.READ_ONLY ? "Down for maintenance" : "Temporarily unavailable";
    }

    static String unavailableMessage(DatabaseFailure kind) {
        return kind == DatabaseFailure.READ_ONLY
                ? "Hosting Review is down for maintenance: its database is read-only, so nobody can sign in or change "
                        + "anything right now; nothing was saved."
                : "Hosting Review is temporarily unavailable; nothing was saved. Its database cannot be reached right now.";
    }

    static long retryAfter(DatabaseFailure kind) {
        return kind == DatabaseFailure.READ_ONLY ? RETRY_AFTER_MAINTENANCE : RETRY_AFTER_OUTAGE;
    }

    /**
     * 503 with {@code Retry-After}: a page without the layout (which would read the signed-in user from the database), or
     * JSON under {@code /api}.
     */
    static Response unavailable(DatabaseFailure kind, boolean api) {
        Response.ResponseBuilder answer = Response.status(503).header("Retry-After", String.valueOf(retryAfter(kind)));
        if (api) {
            return answer.type(MediaType.APPLICATION_JSON).entity(Map.of("status", 503, "error", unavailableTitle(kind),
                    "message", unavailableMessage(kind))).build();
        }
        return answer.type(MediaType.TEXT_HTML_TYPE).entity(unavailableHtml(kind)).build();
    }

    static String unavailableHtml(DatabaseFailure kind) {
        return Templates.unavailable(unavailableTitle(kind), unavailableMessage(kind), retryAfter(kind)).render();
    }

    static String unavailableJson(DatabaseFailure kind) {
        return new io.vertx.core.json.JsonObject().put("status", 503).put("error", unavailableTitle(kind))
                .put("message", unavailableMessage(kind)).encode();
    }

    private static boolean wantsJson(HttpHeaders headers) {
        var accept = headers.getAcceptableMediaTypes();
        return !accept.isEmpty() && accept.get(0).isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !accept.get(0).isWildcardType();
    }
}
