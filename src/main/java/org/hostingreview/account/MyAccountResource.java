package org.hostingreview.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.SignedInUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

/** The signed-in user's own account: password and calendar feed. */
@Path("/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyAccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(SignedInUser me, FormErrors errors);

        static native TemplateInstance account(SignedInUser me, boolean hasCalendar, String calendarUrl);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    CalendarTokens calendarTokens;

    @Inject
    HostingReviewConfig config;

    @GET
    public TemplateInstance account() {
        SignedInUser me = currentUser.get();
        return Templates.account(me, calendarTokens.has(me), null);
    }

    /** Makes a new calendar URL and shows it, once; any previous URL stops working. */
    @POST
    @Path("calendar")
    public Response issueCalendar() {
        SignedInUser me = currentUser.get();
        String token = calendarTokens.issue(me);
        String url = config.baseUrl() + "/reviews/calendar.ics?token=" + token;
        return Response.ok(Templates.account(me, true, url)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("calendar/revoke")
    public Response revokeCalendar() {
        boolean had = calendarTokens.revoke(currentUser.get());
        return Flash.redirect("/account#calendar", had ? "Your calendar URL was revoked; calendars using it stop updating."
                : "You had no calendar URL.");
    }

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
            FormAuthenticationMechanism.logout(identity);
            // the notice the login page shows once, as for a session ended elsewhere
            return Response.seeOther(java.net.URI.create("/login"))
                    .cookie(new NewCookie.Builder(AccountIdentityProviders.NOTICE_COOKIE).value("ended-password_changed_here")
                            .path("/login").maxAge(120).httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build())
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.password(currentUser.get(), e.errors())).build();
        }
    }
}
