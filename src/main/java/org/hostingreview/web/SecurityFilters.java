package org.hostingreview.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.hostingreview.system.HostingReviewConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
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

    @Inject
    HostingReviewConfig config;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> issuer;

    void register(@Observes Filters filters) {
        URI base = URI.create(config.baseUrl());
        String provider = config.oidc().enabled() ? issuer.map(SecurityFilters::origin).orElse(null) : null;
        String csp = provider == null ? CSP : CSP + " " + provider;
        filters.register(rc -> headers(rc, base, provider, csp), 1000);
        filters.register(SecurityFilters::sameOrigin, 900);
    }

    /** {@code scheme://host[:port]} of a URL, or null when it has none. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null
                    : uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void headers(RoutingContext rc, URI base) {
        headers(rc, base, null, CSP);
    }

    /**
     * Security headers, and two things the HTTP layer would otherwise take from the request: redirects are relative
     * to {@code BASE_URL} (never absolute to whatever {@code Host} the request named), and cookies are {@code Secure} when
     * {@code BASE_URL} is https (TLS usually ends at a proxy in front of the app).
     */
    static void headers(RoutingContext rc, URI base, String provider, String csp) {
        rc.addHeadersEndHandler(ignored -> {
            var headers = rc.response().headers();
            String location = headers.get("Location");
            // the single-sign-on provider's own pages (sign-in, logout) are the one other site a redirect may lead to
            if (location != null && (provider == null || !provider.equals(origin(location)))) {
                headers.set("Location", rebase(location, base));
            }
            if ("https".equalsIgnoreCase(base.getScheme())) {
                for (Cookie cookie : rc.request().cookies()) {
                    cookie.setSecure(true);
                }
            }
            securityHeaders(headers);
            // a form (logout) may lead on to the provider's logout page
            headers.set("Content-Security-Policy", csp);
            if (!rc.normalizedPath().startsWith("/static/")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        rc.next();
    }

    /** The headers every response carries, the HTTP layer's own refusals included ({@link InvalidRequestHeaders}). */
    static void securityHeaders(MultiMap headers) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
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

    /** An absolute redirect keeps its path and query, below {@code BASE_URL}'s path, and loses the request's authority. */
    static String rebase(String location, URI base) {
        try {
            URI uri = URI.create(location);
            if (!uri.isAbsolute()) {
                return location;
            }
            String rest = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                rest += "?" + uri.getRawQuery();
            }
            if (uri.getRawFragment() != null) {
                rest += "#" + uri.getRawFragment();
            }
            String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
            // relative to BASE_URL: the browser resolves it against the address it used, never a Host header's
            return basePath + rest;
        } catch (IllegalArgumentException e) {
            return "/";
        }
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
