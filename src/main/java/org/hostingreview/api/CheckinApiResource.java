package org.hostingreview.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hostingreview.api.EstimateResponse;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.revisit.Actuals;
import org.hostingreview.revisit.Checkin;
import org.hostingreview.revisit.CheckinRules;
import org.hostingreview.revisit.CheckinService;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.InvalidInputException;

import io.quarkus.security.Authenticated;

/** {@code POST /api/v1/proposals/{id}/checkins}: actuals from a pipeline; the answer says whether the decision re-opened. */
@Path("/api/v1/proposals/{id}/checkins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-ins", description = "Actuals that keep decisions honest")
public class CheckinApiResource {

    @Schema(description = "The actuals of one period.")
    public record CheckinRequest(
            @Schema(description = "First day (ISO date).", example = "2026-10-01")
            @NotNull(message = CheckinRules.START_REQUIRED) LocalDate periodStart,
            @Schema(description = "Last day (ISO date).", example = "2026-10-31")
            @NotNull(message = CheckinRules.END_REQUIRED) LocalDate periodEnd,
            @Schema(description = "Requests in the period.", example = "200000000")
            @NotNull(message = CheckinRules.REQUESTS_REQUIRED) @Min(value = 0, message = CheckinRules.REQUESTS)
            @Max(value = CheckinRules.MAX_REQUESTS, message = CheckinRules.REQUESTS) Long requests,
            @Schema(description = "Average input tokens per request.", example = "1000")
            @NotNull(message = CheckinRules.INPUT_TOKENS_REQUIRED) @Min(value = 0, message = CheckinRules.TOKENS)
            @Max(value = CheckinRules.MAX_TOKENS, message = CheckinRules.TOKENS) Integer inputTokensPerRequest,
            @Schema(description = "Average output tokens per request.", example = "83")
            @NotNull(message = CheckinRules.OUTPUT_TOKENS_REQUIRED) @Min(value = 0, message = CheckinRules.TOKENS)
            @Max(value = CheckinRules.MAX_TOKENS, message = CheckinRules.TOKENS) Integer outputTokensPerRequest,
            @Schema(description = "Spend in the period, USD.", example = "60600")
            @NotNull(message = CheckinRules.SPEND_REQUIRED) @DecimalMin(value = "0", message = CheckinRules.SPEND)
            @DecimalMax(value = CheckinRules.MAX_SPEND_TEXT, message = CheckinRules.SPEND) BigDecimal spendUsd,
            @Schema(description = "The tier the spend was on; default the decided tier.") Tier spendTier,
            @Schema(description = "Observed quality, 0–100.") @DecimalMin(value = "0", message = CheckinRules.QUALITY)
            @DecimalMax(value = CheckinRules.MAX_QUALITY_TEXT, message = CheckinRules.QUALITY) BigDecimal observedQuality,
            @Schema(description = "Incidents in the period.") @Min(value = 0, message = CheckinRules.INCIDENTS)
            @Max(value = CheckinRules.MAX_INCIDENTS, message = CheckinRules.INCIDENTS) Integer incidents,
            @Size(max = CheckinRules.MAX_NOTES, message = CheckinRules.NOTES) String notes) {
    }

    @Schema(description = "The recorded check-in.")
    public record CheckinView(long id, LocalDate periodStart, LocalDate periodEnd, long requests, int inputTokensPerRequest,
            int outputTokensPerRequest, BigDecimal spendUsd, Tier spendTier, BigDecimal observedQuality, Integer incidents,
            String notes, @Schema(description = "Requests scaled to a month.") long requestsPerMonth) {
    }

    @Schema(description = "The check-in, the recommendation recomputed with today's catalog, and whether the decision re-opened.")
    public record CheckinResponse(CheckinView checkin, EstimateResponse recommendation,
            @Schema(description = "True when the decision moved to REVIEW_DUE.") boolean reopened,
            @Schema(description = "Why, as trigger names or rule ids (RECOMMENDATION_CHANGED, BREAK_EVEN_CROSSED, S2_HYPERSCALE, "
                    + "H2_UNDER_THRESHOLD, H5_BURSTY, COST_MOVED, VOLUME_DOUBLED, PRICE_CHANGED).") List<String> reasons,
            @Schema(description = "The reasons in words.") List<String> explanations,
            @Schema(description = "The reasons, typed: trigger, rule id or catalog key, then and now.") List<ReopenReason> triggers) {
    }

    @Inject
    CheckinService checkins;

    @Inject
    CurrentUser currentUser;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record actuals for a period and re-check the decision")
    @APIResponse(responseCode = "201", description = "Recorded; the body says whether the decision re-opened.")
    @APIResponse(responseCode = "200", description = "A repeat of an earlier request with the same Idempotency-Key: its check-in.")
    public Response record(@PathParam("id") long id,
            @Parameter(description = "Makes a retried request safe: the same key returns the check-in it recorded.")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @QueryParam("replace") @Parameter(description = "Replace a check-in already recorded for an overlapping period.")
            boolean replace,
            @Valid @NotNull(message = "a JSON body is required") CheckinRequest body) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && (key.length() > 100 || !key.matches("[\\x21-\\x7e]+"))) {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 100 visible ASCII characters");
        }
        // the period's rules are the service's (CheckinRules), as for the form and CSV imports
        Actuals actuals = new Actuals(body.periodStart(), body.periodEnd(), body.requests(), body.inputTokensPerRequest(),
                body.outputTokensPerRequest(), body.spendUsd(), body.spendTier(), body.observedQuality(), body.incidents(),
                body.notes());
        CheckinService.Result result = checkins.record(id, currentUser.get(), actuals, Checkin.Source.API, replace, key);
        Checkin c = result.checkin();
        CheckinResponse response = new CheckinResponse(new CheckinView(c.id, c.periodStart, c.periodEnd, c.requests, c.inputTokensPerRequest,
                c.outputTokensPerRequest, c.spendUsd, c.spendTier, c.observedQuality, c.incidents, c.notes, c.requestsPerMonth()),
                EstimateResponse.of(result.evaluation().now().recommendation(), result.evaluation().now().assumptions()),
                result.reopened(), c.reasons.stream().map(ReopenReason::code).toList(),
                c.reasons.stream().map(ReopenReason::label).toList(), c.reasons);
        if (result.repeated()) {
            return Response.ok(response).header("Idempotent-Replayed", "true").build();
        }
        return Response.created(URI.create("/proposals/" + id + "/checkins")).entity(response).build();
    }
}
