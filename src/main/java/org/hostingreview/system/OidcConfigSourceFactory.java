package org.hostingreview.system;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Single sign-on is optional: without an issuer ({@code OIDC_ISSUER}, i.e. {@code quarkus.oidc.auth-server-url}) the
 * OIDC extension's default tenant is disabled, and so is the {@code /login/sso} permission that would send people to
 * it, so that the app starts and runs with nothing but a JDK. With an issuer, both are on and the login page offers
 * "Sign in with …".
 */
public class OidcConfigSourceFactory implements ConfigSourceFactory {

    static final String ISSUER = "quarkus.oidc.auth-server-url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue issuer = context.getValue(ISSUER);
        String on = String.valueOf(issuer != null && issuer.getValue() != null && !issuer.getValue().isBlank());
        // above application.properties (250), below environment variables (300) and system properties (400)
        return List.of(new MapBackedConfigSource("oidc-switch", Map.of("quarkus.oidc.tenant-enabled", on,
                "quarkus.http.auth.permission.sso.enabled", on, "hosting-review.oidc.enabled", on), 275) {
        });
    }
}
