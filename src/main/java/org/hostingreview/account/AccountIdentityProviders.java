package org.hostingreview.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.SignedInUser;

/**
 * Signs users in against {@code app_user}. Our own providers rather than quarkus-security-jpa because a
 * sign-in must be throttled and audited, and every later request carrying the session cookie must find its
 * server-side session live (not logged out, not ended by a password change, reset or deactivation, not past
 * its absolute lifetime).
 *
 * <p>The session cookie's principal is {@code "username sessionId"} (usernames have no spaces); HTTP Basic
 * identities carry the bare username and no session.
 */
final class AccountIdentityProviders {

    /** A short-lived cookie that tells the login page why the user is there (throttled, session ended). */
    static final String NOTICE_COOKIE = "hr_notice";
    /** The username of a failed form sign-in, so that the login form shows it again (never the password). */
    static final String USERNAME_COOKIE = "hr_username";
    static final String SESSION_COOKIE = "hr_session";
    /** The teams' version ({@code V27_3}) the request's session check read: see {@link AccountService#teamOptions}. */
    static final String TEAMS_VERSION_ATTRIBUTE = "hosting-review.teams-version";

    private AccountIdentityProviders() {
    }

    static SecurityIdentity identity(SignedInUser user, Sessions.Live session, boolean mustChangePassword) {
        return identity(user, session, mustChangePassword, false);
    }

    static SecurityIdentity identity(SignedInUser user, Sessions.Live session, boolean mustChangePassword,
            boolean mustEnrolSecondFactor) {
        return identity(user, session, mustChangePassword, mustEnrolSecondFactor, null);
    }

    /** {@code teamsVersion}: what the session check read of {@code team_version}, or null without one. */
    static SecurityIdentity identity(SignedInUser user, Sessions.Live session, boolean mustChangePassword,
            boolean mustEnrolSecondFactor, Long teamsVersion) {
        String name = session == null ? user.username() : user.username() + " " + session.id();
        Principal principal = new QuarkusPrincipal(name);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addAttribute(CurrentUser.USER_ATTRIBUTE, user)
                .addAttribute(CurrentUser.MUST_CHANGE_ATTRIBUTE, mustChangePassword)
                .addAttribute(CurrentUser.MUST_ENROL_ATTRIBUTE, mustEnrolSecondFactor);
        if (session != null) {
            builder.addAttribute(CurrentUser.SESSION_ID_ATTRIBUTE, session.id())
                    .addAttribute(CurrentUser.AFTER_RESET_ATTRIBUTE, session.afterAdminReset())
                    .addAttribute(CurrentUser.SECOND_FACTOR_PENDING_ATTRIBUTE, session.secondFactorPending())
                    .addAttribute(CurrentUser.SINGLE_SIGN_ON_ATTRIBUTE, session.singleSignOn());
        }
        if (teamsVersion != null) {
            builder.addAttribute(TEAMS_VERSION_ATTRIBUTE, teamsVersion);
        }
        user.roles().forEach(role -> builder.addRole(role.name()));
        return builder.build();
    }

    static void notice(RoutingContext rc, String notice) {
        if (rc != null) {
            rc.response().addCookie(Cookie.cookie(NOTICE_COOKIE, notice).setPath("/login").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setMaxAge(120));
        }
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
            // the login form opens a server-side session; HTTP Basic (the API) authenticates each request on its own
            boolean form = rc != null && rc.normalizedPath().endsWith("/j_security_check");
            String username = request.getUsername();
            String password = new String(request.getPassword().getPassword());
            return context.runBlocking(() -> {
                AccountService.SignIn result = accounts.signIn(username, password, client, form);
                if (result.throttledFor().isPresent()) {
                    long minutes = SignInThrottle.minutes(result.throttledFor().get());
                    if (rc != null) {
                        rc.put(ThrottledSignIn.RETRY_AFTER, result.throttledFor().get().toSeconds() + 1);
                    }
                    notice(rc, "throttled-" + minutes);
                    throw new AuthenticationFailedException("too many attempts");
                }
                if (result.user().isEmpty() && form && username != null && username.length() <= 64) {
                    rc.response().addCookie(Cookie.cookie(USERNAME_COOKIE, URLEncoder.encode(username, StandardCharsets.UTF_8))
                            .setPath("/login").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setMaxAge(120));
                }
                SignedInUser user = result.user().orElseThrow(AuthenticationFailedException::new);
                Sessions.Live session = result.sessionId() == null ? null
                        : new Sessions.Live(result.sessionId(), user.id(), result.mustChangePassword(), result.secondFactor());
                return identity(user, session, result.mustChangePassword());
            });
        }
    }

    /** Every request after sign-in: the session cookie names the user and the session; both must still be live. */
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
            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
            String principal = request.getPrincipal();
            int space = principal.indexOf(' ');
            return context.runBlocking(() -> {
                AccountService.SessionCheck check = space < 0 ? null
                        : accounts.session(principal.substring(0, space), principal.substring(space + 1));
                if (check == null || check.user().isEmpty()) {
                    // end it on the client too, so that the login page is reached without a redirect loop
                    if (rc != null) {
                        Cookie sent = rc.request().getCookie(SESSION_COOKIE);
                        if (sent != null) {
                            sent.setPath("/");
                        }
                        rc.response().removeCookie(SESSION_COOKIE);
                        notice(rc, "ended-" + (check == null ? Sessions.End.UNKNOWN : check.ended()).name().toLowerCase(java.util.Locale.ROOT));
                    }
                    throw new AuthenticationFailedException("session ended");
                }
                return identity(check.user().get(), check.live(), check.mustChangePassword(), check.mustEnrolSecondFactor(),
                        check.teamsVersion());
            });
        }
    }
}
