package org.hostingreview.account;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the login form's session cookie for a sign-in that did not go through the form (single sign-on): the same
 * encrypted cookie, name, key, idle timeout and attributes as {@code quarkus.http.auth.form.*}, so that the form
 * mechanism reads it back on the next request like any other.
 */
@ApplicationScoped
class SessionCookie {

    private PersistentLoginManager manager;
    private String name;

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        String key = config.getOptionalValue("quarkus.http.auth.session.encryption-key", String.class)
                .filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException("Single sign-on needs SESSION_ENCRYPTION_KEY"));
        name = config.getOptionalValue("quarkus.http.auth.form.cookie-name", String.class).orElse("quarkus-credential");
        Duration timeout = config.getOptionalValue("quarkus.http.auth.form.timeout", Duration.class).orElse(Duration.ofMinutes(30));
        Duration interval = config.getOptionalValue("quarkus.http.auth.form.new-cookie-interval", Duration.class)
                .orElse(Duration.ofMinutes(1));
        boolean httpOnly = config.getOptionalValue("quarkus.http.auth.form.http-only-cookie", Boolean.class).orElse(false);
        String sameSite = config.getOptionalValue("quarkus.http.auth.form.cookie-same-site", String.class).orElse("strict")
                .toUpperCase(java.util.Locale.ROOT);
        String path = config.getOptionalValue("quarkus.http.auth.form.cookie-path", String.class).orElse("/");
        manager = new PersistentLoginManager(key, name, timeout.toMillis(), interval.toMillis(), httpOnly, sameSite, path,
                -1, config.getOptionalValue("quarkus.http.auth.form.cookie-domain", String.class).orElse(null));
    }

    /** Sets the cookie for {@code principal} ("username sessionId"). */
    void write(RoutingContext rc, String principal) {
        manager.save(principal, rc, name, null, rc.request().isSSL());
    }
}
