package org.hostingreview.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * A throttled sign-in through HTTP Basic answers 429 with {@code Retry-After} instead of the usual 401 challenge, so
 * that scripts back off; when every password check is busy the answer is 503 with {@code Retry-After: 1}. (The login form shows "too many attempts" on the login page instead.)
 */
@ApplicationScoped
public class ThrottledSignIn {

    static final String RETRY_AFTER = "hosting-review.retry-after";

    void register(@Observes Filters filters) {
        filters.register(ThrottledSignIn::answer429, 950);
    }

    static void answer429(RoutingContext rc) {
        if (rc.normalizedPath().startsWith("/api/")) {
            rc.addHeadersEndHandler(ignored -> {
                Long seconds = rc.get(RETRY_AFTER);
                if (Boolean.TRUE.equals(rc.get(ApiCredentials.BUSY)) && rc.response().getStatusCode() == 401) {
                    // every password check was taken: back off briefly rather than pile up
                    rc.response().setStatusCode(503).setStatusMessage("Service Unavailable");
                    rc.response().headers().remove("WWW-Authenticate");
                    rc.response().headers().set("Retry-After", "1");
                } else if (seconds != null && rc.response().getStatusCode() == 401) {
                    rc.response().setStatusCode(429).setStatusMessage("Too Many Requests");
                    rc.response().headers().remove("WWW-Authenticate");
                    rc.response().headers().set("Retry-After", String.valueOf(seconds));
                }
            });
        }
        rc.next();
    }
}
