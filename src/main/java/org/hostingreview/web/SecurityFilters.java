package org.hostingreview.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Two filters in front of every route, errors and authentication redirects included: security headers on
 * every response, and refusal of state-changing requests sent from a foreign origin. The latter covers
 * the login POST, which has no CSRF token.
 */
@ApplicationScoped
public class SecurityFilters {

    static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    void register(@Observes Filters filters) {
        filters.register(SecurityFilters::headers, 1000);
        filters.register(SecurityFilters::sameOrigin, 900);
    }

    static void headers(RoutingContext rc) {
        rc.addHeadersEndHandler(ignored -> {
            var headers = rc.response().headers();
            headers.set("Content-Security-Policy", CSP);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (!rc.normalizedPath().startsWith("/static/")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        rc.next();
    }

    static void sameOrigin(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (SAFE.contains(request.method())) {
            rc.next();
            return;
        }
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source != null && !sameAuthority(source, request.getHeader("Host"))) {
            rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("Refused: this request came from another site.");
            return;
        }
        rc.next();
    }

    private static boolean sameAuthority(String url, String host) {
        if (host == null) {
            return false;
        }
        if ("null".equals(url)) {
            return false; // an opaque origin (sandboxed frame, privacy redirect) is never ours
        }
        try {
            String authority = URI.create(url).getAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
