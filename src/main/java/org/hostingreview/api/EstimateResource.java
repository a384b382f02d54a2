package org.hostingreview.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hostingreview.web.CurrentUser;

import io.quarkus.security.Authenticated;

/** The JSON API for scripts and CI pipelines: stateless estimates and stored proposals' recommendations. */
@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Estimates", description = "Cost of each hosting tier and the recommended tier")
public class EstimateResource {

    @Inject
    EstimateService estimates;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("estimates")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyReadFirst
    @Operation(summary = "Cost a workload and recommend a tier, without saving anything")
    @APIResponse(responseCode = "200", description = "The estimate")
    @APIResponse(responseCode = "400", description = "Invalid input: `errors` lists each field and its message")
    public EstimateResponse estimate(@Valid @NotNull(message = "a JSON body is required") EstimateRequest request) {
        return estimates.estimate(request);
    }

    @GET
    @Path("proposals/{id}/recommendation")
    @Operation(summary = "The recommendation of a stored proposal, as its page shows it")
    @APIResponse(responseCode = "200", description = "The recommendation")
    @APIResponse(responseCode = "404", description = "No such proposal, or another team's")
    public EstimateResponse recommendation(@PathParam("id") long id) {
        return estimates.forProposal(id, currentUser.get());
    }
}
