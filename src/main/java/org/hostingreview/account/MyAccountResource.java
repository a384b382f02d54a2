package org.hostingreview.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.InvalidInputException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The signed-in user's own account: change password. */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyAccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(SignedInUser me, FormErrors errors);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @GET
    @Path("password")
    public TemplateInstance passwordForm() {
        return Templates.password(currentUser.get(), FormErrors.none());
    }

    @POST
    @Path("password")
    public Response changePassword(@BeanParam AccountForms.PasswordChange form) {
        try {
            accounts.changeOwnPassword(currentUser.get(), form);
            return Flash.redirect("/account/password", "Your password was changed.");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.password(currentUser.get(), e.errors())).build();
        }
    }
}
