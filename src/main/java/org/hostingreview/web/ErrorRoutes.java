package org.hostingreview.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * URLs that no resource or static file answers are re-routed to {@link ErrorPages}, so that their 404 is a
 * page in the layout rather than the server's bare default.
 */
@ApplicationScoped
public class ErrorRoutes {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ErrorRoutes.class);

    static final String NOT_FOUND = "/error/404";

    void install(@Observes Router router) {
        // failures outside the resources (signing in, the session lookup of every request, HTTP Basic): a database
        // outage is a clean 503 there too, never the server's bare error page or an empty 500
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            DatabaseFailure kind = rc.failure() == null ? DatabaseFailure.NONE : DatabaseFailure.of(rc.failure());
            if ((kind != DatabaseFailure.UNAVAILABLE && kind != DatabaseFailure.READ_ONLY) || rc.response().headWritten()) {
                rc.next();
                return;
            }
            LOG.warnf("%s on %s: %s", kind, rc.normalizedPath(), ErrorMappers.rootMessage(rc.failure()));
            boolean api = rc.normalizedPath().startsWith("/api/");
            rc.response().setStatusCode(503).putHeader("Retry-After", String.valueOf(ErrorPages.retryAfter(kind)))
                    .putHeader("Content-Type", api ? "application/json" : "text/html; charset=utf-8")
                    .end(api ? ErrorPages.unavailableJson(kind) : ErrorPages.unavailableHtml(kind));
        });
        router.route().last().handler(rc -> {
            if (rc.normalizedPath().equals(NOT_FOUND)) {
                rc.next();
            } else {
                rc.reroute(NOT_FOUND);
            }
        });
    }
}
