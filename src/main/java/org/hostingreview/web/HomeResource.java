package org.hostingreview.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.account.CurrentUser;
import org.hostingreview.account.SignedInUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The dashboard: where a signed-in user lands. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(SignedInUser me);
    }

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance dashboard() {
        return Templates.dashboard(currentUser.get());
    }
}
