package org.hostingreview.system;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request a short reference, put in the logging MDC as {@code ref} (so each log line of the request, plain or
 * JSON, carries it) and in the {@code X-Request-Ref} header; an error page quotes the same reference.
 */
@ApplicationScoped
public class RequestReference {

    private static final SecureRandom RANDOM = new SecureRandom();

    void register(@Observes Filters filters) {
        filters.register(RequestReference::tag, 1000);
    }

    static void tag(RoutingContext rc) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String ref = HexFormat.of().formatHex(bytes);
        MDC.put("ref", ref);
        rc.put("ref", ref);
        rc.response().headers().set("X-Request-Ref", ref);
        rc.next();
    }
}
