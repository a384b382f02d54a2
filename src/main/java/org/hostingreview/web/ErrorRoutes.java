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

    static final String NOT_FOUND = "/error/404";

    void install(@Observes Router router) {
        router.route().last().handler(rc -> {
            if (rc.normalizedPath().equals(NOT_FOUND)) {
                rc.next();
            } else {
                rc.reroute(NOT_FOUND);
            }
        });
    }
}
