package org.hostingreview.account;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

/** The login page (the form posts to Quarkus' {@code /j_security_check}) and logout. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean loggedOut, long throttledMinutes, String ended,
                String username, List<AccountBootstrap.DemoAccount> demoAccounts, String demoPassword, String ssoName);

        static native TemplateInstance logout();
    }

    @Inject
    HostingReviewConfig config;

    @Inject
    CurrentUser currentUser;

    @Inject
    SecurityIdentity identity;

    @Inject
    AccountService accounts;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    Optional<String> clientId;

    @GET
    @Path("login")
    @PermitAll
    public Object login(@Context UriInfo uri, @CookieParam(AccountIdentityProviders.NOTICE_COOKIE) String notice,
            @CookieParam(AccountIdentityProviders.USERNAME_COOKIE) String typed) {
        if (currentUser.isSignedIn()) {
            return Flash.redirect("/");
        }
        var query = uri.getQueryParameters();
        long throttled = 0;
        String ended = null;
        if (notice != null && notice.matches("throttled-\\d{1,4}")) {
            throttled = Long.parseLong(notice.substring("throttled-".length()));
        } else if (notice != null && notice.startsWith("sso-")) {
            ended = switch (notice.substring("sso-".length())) {
                case "no_team" -> "You signed in with " + config.oidc().providerName() + ", but none of your groups there "
                        + "gives you a team here. Ask an admin to map your group, or to create your account.";
                case "deactivated" -> "Your account was deactivated. Ask an admin if this is a mistake.";
                default -> "Signing in with " + config.oidc().providerName() + " did not complete. Try again, or log in "
                        + "with a username and password.";
            };
        } else if (notice != null && notice.startsWith("ended-")) {
            ended = switch (notice.substring("ended-".length())) {
                case "deactivated" -> "Your account was deactivated, so your session ended. Ask an admin if this is a mistake.";
                case "password_reset" -> "An admin reset your password, so your session ended. Log in with the new password.";
                case "password_changed" -> "Your password was changed in another session, so this session ended.";
                case "password_changed_here" -> "Your password was changed. Every session of your account has ended, this "
                        + "one too: log in with the new password.";
                case "expired" -> "Your session reached its maximum length. Please log in again.";
                case "logged_out" -> "That session was logged out. Please log in again.";
                default -> "Your session ended. Please log in again.";
            };
        }
        String username = typed == null || !query.containsKey("error") ? "" : URLDecoder.decode(typed, StandardCharsets.UTF_8);
        TemplateInstance page = Templates.login(query.containsKey("error"), query.containsKey("logout"), throttled, ended, username,
                config.demo() ? AccountBootstrap.DEMO_ACCOUNTS : List.of(), AccountBootstrap.DEMO_PASSWORD,
                config.oidc().enabled() ? config.oidc().providerName() : null);
        Response.ResponseBuilder response = Response.ok(page);
        if (typed != null) {
            response.cookie(new NewCookie.Builder(AccountIdentityProviders.USERNAME_COOKIE).value("").path("/login").maxAge(0)
                    .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
        if (notice != null) {
            // shown once
            response.cookie(new NewCookie.Builder(AccountIdentityProviders.NOTICE_COOKIE).value("").path("/login").maxAge(0)
                    .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
        return response.build();
    }

    @GET
    @Path("logout")
    @Authenticated
    public TemplateInstance confirmLogout() {
        return Templates.logout();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout() {
        Optional<Sessions.ProviderLogout> provider = accounts.signedOut(currentUser.get(), currentUser.sessionId());
        FormAuthenticationMechanism.logout(identity);
        if (provider.isPresent()) {
            // RP-initiated logout: the identity provider ends its session too, then sends the browser to the login page
            return Response.seeOther(URI.create(providerLogout(provider.get()))).build();
        }
        return Flash.redirect("/login?logout");
    }

    private String providerLogout(Sessions.ProviderLogout provider) {
        String url = provider.endSessionUrl();
        StringBuilder query = new StringBuilder(url.contains("?") ? "&" : "?");
        query.append("post_logout_redirect_uri=").append(encode(config.baseUrl().replaceAll("/$", "") + "/login?logout"));
        if (provider.idToken() != null) {
            query.append("&id_token_hint=").append(encode(provider.idToken()));
        }
        clientId.ifPresent(id -> query.append("&client_id=").append(encode(id)));
        return url + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
