package org.hostingreview.account;

import java.util.List;

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
                List<AccountBootstrap.DemoAccount> demoAccounts, String demoPassword);

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

    @GET
    @Path("login")
    @PermitAll
    public Object login(@Context UriInfo uri, @CookieParam(AccountIdentityProviders.NOTICE_COOKIE) String notice) {
        if (currentUser.isSignedIn()) {
            return Flash.redirect("/");
        }
        var query = uri.getQueryParameters();
        long throttled = 0;
        String ended = null;
        if (notice != null && notice.matches("throttled-\\d{1,4}")) {
            throttled = Long.parseLong(notice.substring("throttled-".length()));
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
        TemplateInstance page = Templates.login(query.containsKey("error"), query.containsKey("logout"), throttled, ended,
                config.demo() ? AccountBootstrap.DEMO_ACCOUNTS : List.of(), AccountBootstrap.DEMO_PASSWORD);
        Response.ResponseBuilder response = Response.ok(page);
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
        accounts.signedOut(currentUser.get(), currentUser.sessionId());
        FormAuthenticationMechanism.logout(identity);
        return Flash.redirect("/login?logout");
    }
}
