package org.hostingreview.proposal;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import org.hostingreview.pricing.CatalogRechecks;
import org.hostingreview.web.CurrentUser;

/** Which open proposals a catalog value changes (the page a new catalog value redirects to). */
@Path("/pricing/changes")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CatalogImpactResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance change(CatalogImpact.Change change, CatalogRechecks.Status recheck, boolean seesAll);
    }

    @Inject
    CatalogImpact impact;

    @Inject
    CurrentUser currentUser;

    @Inject
    CatalogRechecks rechecks;

    @GET
    public TemplateInstance change(@QueryParam("ref") String ref) {
        String key = ref == null ? "" : ref;
        // the re-check first: a change it reports done is already in the costs below
        CatalogRechecks.Status recheck = rechecks.of(key);
        return Templates.change(impact.impact(key, currentUser.get().teamId(), currentUser.get().seesAllTeams()), recheck,
                currentUser.get().seesAllTeams());
    }
}
