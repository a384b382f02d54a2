package org.hostingreview.account;

import org.hostingreview.web.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import org.hostingreview.system.HostingReviewConfig;

/**
 * How {@code /api} (and {@code /q/metrics}) authenticate: {@code Authorization: Bearer <personal token>}, or HTTP Basic
 * with a password while it is deprecated (answers carry {@code Deprecation}, {@code Sunset} and a {@code Link} to the
 * token page; after the sunset day Basic is refused). The {@code api-scope} policy then checks the token's scope.
 */
final class ApiAuthentication {

    static final String SCHEME = "api";
    /** The token's scope on the identity; absent for a password. */
    static final String SCOPE_ATTRIBUTE = "hosting-review.api-scope";
    static final String CREDENTIAL_ATTRIBUTE = "hosting-review.api-credential";
    /** Epoch second of the day Basic was deprecated on (the release that brought personal tokens): 2026-12-01. */
    static final long BASIC_DEPRECATED_SINCE = LocalDate.of(2026, 12, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

    private ApiAuthentication() {
    }

    static final class TokenRequest extends BaseAuthenticationRequest {
        final String token;

        TokenRequest(String token) {
            this.token = token;
        }
    }

    static final class PasswordRequest extends BaseAuthenticationRequest {
        final String username;
        final String password;

        PasswordRequest(String username, String password) {
            this.username = username;
            this.password = password;
        }
    }

    static SecurityIdentity identity(ApiCredentials.Verified v, String credential) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(v.user().username()))
                .addAttribute(CurrentUser.USER_ATTRIBUTE, v.user())
                .addAttribute(CurrentUser.MUST_CHANGE_ATTRIBUTE, v.mustChangePassword())
                .addAttribute(CREDENTIAL_ATTRIBUTE, credential);
        if (v.scope() != null) {
            builder.addAttribute(SCOPE_ATTRIBUTE, v.scope());
        }
        v.user().roles().forEach(role -> builder.addRole(role.name()));
        return builder.build();
    }

    @ApplicationScoped
    static class Mechanism implements HttpAuthenticationMechanism {

        @Inject
        HostingReviewConfig config;

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identities) {
            String header = rc.request().getHeader("Authorization");
            if (header == null) {
                return Uni.createFrom().nullItem();
            }
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("bearer ")) {
                return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new TokenRequest(header.substring(7).strip()), rc));
            }
            if (lower.startsWith("basic ")) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Uni.createFrom().failure(new AuthenticationFailedException("malformed Basic credentials"));
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return Uni.createFrom().failure(new AuthenticationFailedException("malformed Basic credentials"));
                }
                LocalDate sunset = config.api().basicSunset();
                if (LocalDate.now(ZoneOffset.UTC).isAfter(sunset)) {
                    return Uni.createFrom().failure(new AuthenticationFailedException("HTTP Basic is switched off"));
                }
                rc.addHeadersEndHandler(ignored -> {
                    if (rc.response().getStatusCode() < 400) {
                        rc.response().headers().set("Deprecation", "@" + BASIC_DEPRECATED_SINCE);
                        rc.response().headers().set("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME
                                .format(sunset.plusDays(1).atStartOfDay(ZoneOffset.UTC)));
                        rc.response().headers().set("Link", "<" + config.baseUrl() + "/account/tokens>; rel=\"deprecation\"");
                    }
                });
                return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new PasswordRequest(decoded.substring(0, colon), decoded.substring(colon + 1)), rc));
            }
            return Uni.createFrom().nullItem();
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate",
                    "Bearer realm=\"Hosting Review\", Basic realm=\"Hosting Review\""));
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(TokenRequest.class, PasswordRequest.class);
        }

        @Override
        public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
            return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME, SCHEME));
        }
    }

    @ApplicationScoped
    static class TokenProvider implements IdentityProvider<TokenRequest> {

        @Inject
        ApiCredentials credentials;

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            // a token verified lately is answered here, on the event loop: only a look-up in the database needs a worker
            ApiCredentials.Verified cached = credentials.cachedToken(request.token);
            if (cached != null) {
                return Uni.createFrom().item(identity(cached, "token"));
            }
            return context.runBlocking(() -> credentials.token(request.token)
                    .map(v -> identity(v, "token"))
                    .orElseThrow(() -> new AuthenticationFailedException("unknown, expired or revoked token")));
        }
    }

    @ApplicationScoped
    static class PasswordProvider implements IdentityProvider<PasswordRequest> {

        @Inject
        ApiCredentials credentials;

        @Override
        public Class<PasswordRequest> getRequestType() {
            return PasswordRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(PasswordRequest request, AuthenticationRequestContext context) {
            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
            // a password verified lately is answered here, on the event loop: only bcrypt and the database need a worker
            ApiCredentials.Verified cached = credentials.cachedPassword(request.username, request.password);
            if (cached != null) {
                return Uni.createFrom().item(identity(cached, "password"));
            }
            String client = rc == null || rc.request().remoteAddress() == null ? null
                    : rc.request().remoteAddress().hostAddress();
            return context.runBlocking(() -> {
                ApiCredentials.Outcome outcome = credentials.password(request.username, request.password, client);
                if (outcome.busy()) {
                    if (rc != null) {
                        rc.put(ApiCredentials.BUSY, Boolean.TRUE);
                    }
                    throw new AuthenticationFailedException("password checks busy");
                }
                if (outcome.throttledFor().isPresent()) {
                    if (rc != null) {
                        rc.put(ThrottledSignIn.RETRY_AFTER, outcome.throttledFor().get().toSeconds() + 1);
                    }
                    throw new AuthenticationFailedException("too many attempts");
                }
                ApiCredentials.Verified v = outcome.verified()
                        .orElseThrow(() -> new AuthenticationFailedException("wrong username or password"));
                return identity(v, "password");
            });
        }
    }

    /** {@code /api} and the metrics: a signed-in caller, and a token only within its scope (403 otherwise). */
    @ApplicationScoped
    static class ScopePolicy implements HttpSecurityPolicy {

        @Override
        public Uni<CheckResult> checkPermission(RoutingContext rc, Uni<SecurityIdentity> identity,
                AuthorizationRequestContext context) {
            return identity.map(id -> {
                if (id == null || id.isAnonymous()) {
                    return CheckResult.DENY;
                }
                ApiScope scope = id.getAttribute(SCOPE_ATTRIBUTE);
                if (scope == null) {
                    return CheckResult.PERMIT;
                }
                return scope.allows(rc.request().method().name(), rc.normalizedPath()) ? CheckResult.PERMIT : CheckResult.DENY;
            });
        }

        @Override
        public String name() {
            return "api-scope";
        }
    }
}
