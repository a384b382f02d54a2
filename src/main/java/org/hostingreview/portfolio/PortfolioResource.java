package org.hostingreview.portfolio;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.account.AccountService;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.SelectOptions;
import org.hostingreview.web.SignedInUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** {@code /portfolio}: the features by recommended tier. */
@Path("/portfolio")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PortfolioResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance portfolio(PortfolioService.Portfolio portfolio, RawString teamOptions, String team,
                boolean seesAll);
    }

    @Inject
    PortfolioService portfolios;

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance portfolio(@QueryParam("team") String team, @QueryParam("tier") String tier,
            @QueryParam("drafts") String drafts, @QueryParam("after") String after) {
        SignedInUser me = currentUser.get();
        boolean seesAll = me.seesAllTeams();
        Long teamId = null;
        try {
            teamId = team == null || team.isBlank() ? null : Long.parseLong(team.trim());
        } catch (NumberFormatException e) {
            // an unknown filter shows every team the user may see
        }
        // every team of the organisation (200 at 100x) as one escaped block, not three template expressions per option
        RawString teamOptions = seesAll ? accounts.teamOptions(teamId == null ? null : teamId.toString())
                : SelectOptions.of(List.of());
        return Templates.portfolio(portfolios.portfolio(me, teamId, PortfolioService.page(tier, drafts, after)), teamOptions,
                team == null ? "" : team, seesAll);
    }
}
