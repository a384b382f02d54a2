package org.hostingreview.account;

import org.hostingreview.web.CurrentUser;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.InvalidInputException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** My account → API tokens: make one (shown once), list them with their last use, revoke. */
@Path("/account/tokens")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ApiTokenResource {

    /** What the form was filled with, kept when it is refused. */
    public record Form(String name, String scope, String expiresInDays) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(List<ApiTokens.Listed> tokens, ApiTokens.Created created, Form form,
                FormErrors errors, List<ApiScope> scopes, String expiryHelp, String baseUrl, String basicSunset);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ApiTokens tokens;

    @Inject
    HostingReviewConfig config;

    @GET
    public TemplateInstance list() {
        return page(null, new Form("", ApiScope.CHECKINS.name(), "90"), FormErrors.none());
    }

    @POST
    public Response create(@FormParam("name") String name, @FormParam("scope") String scope,
            @FormParam("expiresInDays") String expiresInDays) {
        Form form = new Form(name, scope, expiresInDays);
        try {
            ApiTokens.Created created = tokens.create(currentUser.get(), name, scope, expiresInDays);
            return Response.ok(page(created, new Form("", ApiScope.CHECKINS.name(), "90"), FormErrors.none()))
                    .header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(null, form, e.errors())).build();
        }
    }

    @POST
    @Path("{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        return tokens.revoke(currentUser.get(), id)
                .map(n -> Flash.redirect("/account/tokens", "The token “" + n + "” was revoked; calls with it now get 401."))
                .orElseGet(() -> Flash.redirect("/account/tokens", "No such token, or it was already revoked."));
    }

    private TemplateInstance page(ApiTokens.Created created, Form form, FormErrors errors) {
        return Templates.tokens(tokens.list(currentUser.get()), created, form, errors, List.of(ApiScope.values()),
                "At most " + config.api().tokenMaxDays() + " days.", config.baseUrl(), config.api().basicSunset().toString());
    }
}
