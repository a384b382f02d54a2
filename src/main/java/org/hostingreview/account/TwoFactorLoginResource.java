package org.hostingreview.account;

import org.hostingreview.web.CurrentUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/** The second step of signing in to an account with two-factor sign-in: the code (or a recovery code). */
@Path("/login/totp")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TwoFactorLoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance challenge(FormErrors errors, long throttledMinutes);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TwoFactor twoFactor;

    @Context
    HttpServerRequest http;

    @GET
    public Object challenge() {
        if (!currentUser.secondFactorPending()) {
            return Flash.redirect("/");
        }
        return Templates.challenge(FormErrors.none(), 0);
    }

    @POST
    public Response answer(@FormParam("code") String code) {
        if (!currentUser.secondFactorPending()) {
            return Flash.redirect("/");
        }
        String client = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        TwoFactor.Check check = twoFactor.signIn(currentUser.get(), currentUser.sessionId(), code, client);
        if (check.accepted()) {
            return check.recoveryCodeUsed()
                    ? Flash.redirect("/account/two-factor", "You signed in with a recovery code; " + check.recoveryCodesLeft()
                            + " left. Set up a new authenticator if you lost yours.")
                    : Flash.redirect("/");
        }
        long minutes = check.throttledFor().map(SignInThrottle::minutes).orElse(0L);
        FormErrors errors = FormErrors.none();
        if (minutes == 0) {
            errors.add("code", "That code does not match. Enter the 6 digits your app shows now, or a recovery code.");
        }
        return Response.status(minutes > 0 ? 429 : 400).entity(Templates.challenge(errors, minutes)).build();
    }
}
