package org.hostingreview.revisit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.review.Todos;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.SignedInUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The dashboard: where a signed-in user lands, with the decisions due for review in their scope. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(SignedInUser me, RevisitViews.Dashboard due, boolean seesAll, Todos.List4 todos);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    RevisitViews revisits;

    @GET
    public TemplateInstance dashboard() {
        SignedInUser me = currentUser.get();
        RevisitViews.Home home = revisits.home(me);
        return Templates.dashboard(me, home.due(), me.seesAllTeams(), home.todos());
    }
}
