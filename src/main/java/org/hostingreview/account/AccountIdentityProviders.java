package org.hostingreview.account;

import java.security.Principal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Signs users in against {@code app_user}. Our own providers rather than quarkus-security-jpa because a
 * sign-in must audit the attempted username on failure and refuse deactivated accounts, on the login
 * form and on every later request carrying the session cookie.
 */
final class AccountIdentityProviders {

    static final String USER_ATTRIBUTE = "hosting-review.user";

    private AccountIdentityProviders() {
    }

    static SecurityIdentity identity(SignedInUser user) {
        Principal principal = new QuarkusPrincipal(user.username());
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addAttribute(USER_ATTRIBUTE, user);
        user.roles().forEach(role -> builder.addRole(role.name()));
        return builder.build();
    }

    /** The login form and HTTP Basic: username and password. */
    @ApplicationScoped
    static class Password implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Inject
        AccountService accounts;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
            String client = rc == null || rc.request().remoteAddress() == null ? null
                    : rc.request().remoteAddress().hostAddress();
            String username = request.getUsername();
            String password = new String(request.getPassword().getPassword());
            return context.runBlocking(() -> accounts.signIn(username, password, client)
                    .map(AccountIdentityProviders::identity)
                    .orElseThrow(AuthenticationFailedException::new));
        }
    }

    /** Every request after sign-in: the session cookie names the user; reload them so deactivation bites at once. */
    @ApplicationScoped
    static class Session implements IdentityProvider<TrustedAuthenticationRequest> {

        @Inject
        AccountService accounts;

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return context.runBlocking(() -> accounts.activeUser(request.getPrincipal())
                    .map(AccountIdentityProviders::identity)
                    .orElseThrow(AuthenticationFailedException::new));
        }
    }
}
