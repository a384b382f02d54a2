package org.hostingreview.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A body the app will not read: its {@code Content-Length} is over {@code quarkus.http.limits.max-body-size}. The HTTP
 * layer would answer a bare 413 and close the connection; this answers first, with a page that says nothing was saved
 * and that the browser still holds what was typed (the body was never read, so the app cannot give it back), or JSON
 * under {@code /api}. Bodies under the limit reach the forms, whose own checks name the field and keep the input.
 */
@ApplicationScoped
public class BodyLimit {

    static final String TITLE = "Too large to send";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    void register(@Observes Filters filters) {
        filters.register(this::check, 950);
    }

    void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        long bytes;
        try {
            bytes = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes <= maxBody.asLongValue()) {
            rc.next();
            return;
        }
        String limit = megabytes(maxBody.asLongValue());
        String message = "Nothing was saved: this request is " + megabytes(bytes) + ", and the app accepts at most " + limit
                + " (a file to import included).";
        var response = rc.response().setStatusCode(413).putHeader("Connection", "close");
        if (rc.normalizedPath().startsWith("/api/")) {
            response.putHeader("Content-Type", "application/json").end(new JsonObject().put("status", 413)
                    .put("error", TITLE).put("message", message).encode());
            return;
        }
        response.putHeader("Content-Type", "text/html; charset=utf-8")
                .end(ErrorPages.Templates.tooLarge(TITLE, message).render());
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 10 ? String.format(Locale.ROOT, "%,.0f MB", mb) : String.format(Locale.ROOT, "%.1f MB", mb);
    }
}
