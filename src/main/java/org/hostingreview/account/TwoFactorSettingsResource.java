package org.hostingreview.account;

import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin's requirement of two-factor sign-in for the ADMIN and REVIEWER roles. */
@Path("/admin/two-factor")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class TwoFactorSettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(boolean required);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TwoFactorSettings settings;

    @GET
    public TemplateInstance settingsPage() {
        return Templates.settings(settings.requiredForAdminsAndReviewers());
    }

    @POST
    public Response setRequired(@FormParam("required") String required) {
        boolean on = "true".equals(required);
        boolean changed = settings.setRequired(on, currentUser.get().username());
        return Flash.redirect("/admin/two-factor", !changed ? "Nothing changed."
                : on ? "Two-factor sign-in is now required for admins and reviewers: they set it up at their next sign-in."
                        : "Two-factor sign-in is now optional for everyone.");
    }
}
