package org.hostingreview.account;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.system.HostingReviewConfig;
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
        static native TemplateInstance login(boolean failed, boolean loggedOut, List<AccountBootstrap.DemoAccount> demoAccounts,
                String demoPassword);

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
    public Object login(@Context UriInfo uri) {
        if (currentUser.isSignedIn()) {
            return Flash.redirect("/");
        }
        var query = uri.getQueryParameters();
        return Templates.login(query.containsKey("error"), query.containsKey("logout"),
                config.demo() ? AccountBootstrap.DEMO_ACCOUNTS : List.of(), AccountBootstrap.DEMO_PASSWORD);
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
        accounts.signedOut(currentUser.get());
        FormAuthenticationMechanism.logout(identity);
        return Flash.redirect("/login?logout");
    }
}
