package org.hostingreview.revisit;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.account.AccountService;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.NotFoundException;
import org.hostingreview.web.SelectOptions;
import org.hostingreview.web.SignedInUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** {@code /due/{list}}: the whole of one of the dashboard's lists of decisions, page by page, optionally one team's. */
@Path("/due/{list}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DueResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(RevisitViews.DuePage page, String nextPage, RawString teamOptions, String team,
                boolean seesAll, SignedInUser me);
    }

    @Inject
    RevisitViews revisits;

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance list(@PathParam("list") String list, @QueryParam("team") String team, @QueryParam("after") String after) {
        RevisitViews.Due due = RevisitViews.Due.byKey(list).orElseThrow(() -> new NotFoundException("No such list."));
        SignedInUser me = currentUser.get();
        Long teamId = team != null && team.strip().matches("\\d{1,18}") ? Long.valueOf(team.strip()) : null;
        RevisitViews.DuePage page = revisits.duePage(me, due, teamId, after);
        String next = page.next() == null ? null : "/due/" + due.key() + "?after=" + page.next() + (teamId != null && me.seesAllTeams()
                ? "&team=" + teamId : "");
        String selected = teamId == null ? "" : teamId.toString();
        // every team of the organisation (200 at 100x) as one escaped block, not three template expressions per option
        RawString teamOptions = me.seesAllTeams() ? accounts.teamOptions(selected) : SelectOptions.of(List.of());
        return Templates.list(page, next, teamOptions, selected,
                me.seesAllTeams(), me);
    }
}
