package org.hostingreview.account;

import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
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

/** My account → two-factor sign-in: enrolment with a QR code, recovery codes, turning it off. */
@Path("/account/two-factor")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TwoFactorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance enrol(boolean enabled, TwoFactor.Enrolment enrolment, List<String> recoveryCodes,
                long recoveryCodesLeft, boolean required, boolean requiredForMe, FormErrors errors);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TwoFactor twoFactor;

    @Inject
    TwoFactorSettings settings;

    @GET
    public Response enrolPage() {
        SignedInUser me = currentUser.get();
        boolean enabled = twoFactor.enabled(me);
        return Response.ok(page(me, enabled, enabled ? null : twoFactor.enrolment(me), List.of(), FormErrors.none()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    public Response confirm(@FormParam("code") String code) {
        SignedInUser me = currentUser.get();
        try {
            List<String> recovery = twoFactor.confirm(me, code);
            return Response.ok(page(me, true, null, recovery, FormErrors.none())).header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            boolean enabled = twoFactor.enabled(me);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(me, enabled, enabled ? null : twoFactor.enrolment(me), List.of(), e.errors()))
                    .header("Cache-Control", "no-store").build();
        }
    }

    @POST
    @Path("disable")
    public Response disable(@FormParam("code") String code) {
        SignedInUser me = currentUser.get();
        try {
            twoFactor.disable(me, code);
            return Flash.redirect("/account/two-factor", "Two-factor sign-in is off.");
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(me, true, null, List.of(), e.errors())).build();
        }
    }

    private TemplateInstance page(SignedInUser me, boolean enabled, TwoFactor.Enrolment enrolment, List<String> recovery,
            FormErrors errors) {
        boolean required = settings.requiredForAdminsAndReviewers();
        boolean requiredForMe = required && (me.roles().contains(Role.ADMIN) || me.roles().contains(Role.REVIEWER));
        return Templates.enrol(enabled, enrolment, recovery, enabled ? twoFactor.recoveryCodesLeft(me) : 0, required,
                requiredForMe, errors);
    }
}
