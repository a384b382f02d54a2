package org.hostingreview.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The app with single sign-on through the Keycloak that {@code .ci/run} starts (realm
 * {@code src/test/resources/keycloak/hosting-review-realm.json}) at {@code HOSTING_REVIEW_KEYCLOAK_URL}. The app listens
 * on a port chosen here, so that {@code BASE_URL} (the address Keycloak sends the browser back to after logout) is right.
 */
public class KeycloakProfile implements QuarkusTestProfile {

    static final String URL_VARIABLE = "HOSTING_REVIEW_KEYCLOAK_URL";
    static final String REALM = "hosting-review";
    static final String CLIENT_SECRET = "hosting-review-test-secret-0123456789abcdef";
    static final int PORT = freePort();

    static String keycloakUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.strip().replaceAll("/$", "");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String keycloak = keycloakUrl();
        if (keycloak == null) {
            return Map.of();
        }
        return Map.ofEntries(
                Map.entry("quarkus.oidc.auth-server-url", keycloak + "/realms/" + REALM),
                Map.entry("quarkus.oidc.client-id", "hosting-review"),
                Map.entry("quarkus.oidc.credentials.secret", CLIENT_SECRET),
                Map.entry("quarkus.oidc.tenant-enabled", "true"),
                Map.entry("quarkus.http.auth.permission.sso.enabled", "true"),
                Map.entry("hosting-review.oidc.enabled", "true"),
                Map.entry("hosting-review.oidc.provider-name", "Keycloak"),
                Map.entry("hosting-review.oidc.groups", "document-ai=team:Document AI; search-support=team:Search & Support; "
                        + "reviewers=role:REVIEWER; platform-admins=team:Platform,role:ADMIN,role:REVIEWER"),
                Map.entry("quarkus.http.test-port", String.valueOf(PORT)),
                Map.entry("hosting-review.base-url", "http://localhost:" + PORT));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
