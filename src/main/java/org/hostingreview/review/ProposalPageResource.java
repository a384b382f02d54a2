package org.hostingreview.review;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import org.hostingreview.costmodel.Param;
import org.hostingreview.evaluation.EvaluationService;
import org.hostingreview.pricing.Costing;
import org.hostingreview.pricing.WhatIf;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.Numbers;
import org.hostingreview.web.SignedInUser;

/**
 * The proposal page: the proposal with its costing and what-ifs, and, once it is filed, its review panel and the
 * reviewer's verdict posted from it. It lives with the review because the review decides what it shows.
 */
@Path("/proposals")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProposalPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(ProposalPageView page);

        /** The costing as the page shows it, rendered apart so that {@link ProposalPageCache} can keep it. */
        static native TemplateInstance recommendation(org.hostingreview.pricing.RecommendationView r);

        /** The what-if form up to its buttons (the assumptions' inputs and their errors), rendered apart likewise. */
        static native TemplateInstance whatIfForm(long proposalId, org.hostingreview.pricing.WhatIf whatIf,
                List<ProposalPageView.AssumptionGroupInput> groups);
    }

    @Inject
    ProposalService proposals;

    @Inject
    EvaluationService evaluations;

    @Inject
    CurrentUser currentUser;

    @Inject
    CostingService costing;

    @Inject
    ReviewService reviews;

    @Inject
    ProposalPages pages;

    /** The proposal with its costing; query parameters make it a what-if (see {@link WhatIf}), recomputed, not saved. */
    @GET
    @Path("{id}")
    public Response show(@PathParam("id") long id, @Context UriInfo uri) {
        SignedInUser me = me();
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        if (query.containsKey(WHAT_IF_FORM)) {
            // the what-if form sends every field: the address keeps only what differs from the proposal's own figures
            return Flash.redirect("/proposals/" + id + changedOnly(proposals.visible(id, me), query) + "#recommendation");
        }
        WhatIf whatIf = WhatIf.parse(query, costing.today());
        return render(whatIf.errors().isEmpty() ? Status.OK : Status.BAD_REQUEST, showPage(id, me, whatIf,
                uri.getRequestUri().getRawQuery(), null, FormErrors.none(), null));
    }

    /** A reviewer's verdict, posted from the proposal page. */
    @POST
    @Path("{id}/reviews")
    public Response review(@PathParam("id") long id, @BeanParam ReviewForm form) {
        SignedInUser me = me();
        try {
            ReviewService.Outcome outcome = reviews.review(id, me, form);
            String message = outcome.repeated() ? "That review was already recorded."
                    : outcome.status().reviewable() && outcome.needed() > outcome.approvals()
                            ? String.format("Approval recorded: %d of %d approvals.", outcome.approvals(), outcome.needed())
                            : "Review recorded: the proposal is " + outcome.status().label().toLowerCase(Locale.ROOT) + ".";
            return Flash.redirect("/proposals/" + id + "#review", message);
        } catch (InvalidInputException e) {
            return render(Status.BAD_REQUEST, showPage(id, me, WhatIf.none(), null, form, e.errors(), null));
        } catch (ReviewService.StaleReviewException | OptimisticLockException e) {
            Proposal current = proposals.visible(id, me);
            ReviewForm kept = new ReviewForm(form.verdict(), form.chosenTier(), form.rationale(), form.justification(),
                    form.conditions(), form.nextReviewOn(), String.valueOf(current.version), UUID.randomUUID().toString());
            return render(Status.CONFLICT, showPage(id, me, WhatIf.none(), null, kept, FormErrors.none(),
                    "This proposal changed since you opened it: another review or edit came first. Your text is kept "
                            + "below; check the page again and resubmit if it still holds."));
        }
    }

    @POST
    @Path("{id}/assumptions")
    public Response saveAssumptions(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        SignedInUser me = me();
        WhatIf whatIf = WhatIf.parse(form, costing.today());
        try {
            proposals.saveAssumptions(id, me, whatIf, form.getFirst("version"));
            return Flash.redirect("/proposals/" + id + "#recommendation", "Saved the what-if assumptions on the proposal.");
        } catch (InvalidInputException e) {
            return render(Status.BAD_REQUEST, showPage(id, me, whatIf, null, null, FormErrors.none(), null));
        } catch (ProposalService.StaleProposalException e) {
            return Flash.redirect("/proposals/" + id, proposals.conflictMessage(id));
        }
    }

    private String showPage(long id, SignedInUser me, WhatIf whatIf, String query, ReviewForm reviewForm,
            FormErrors reviewErrors, String reviewConflict) {
        return pages.rendered(id, me, whatIf, query, reviewForm, reviewErrors, reviewConflict, Templates::show);
    }

    /** The marker field of the what-if form, and its yes/no assumptions' keys (a box left unticked sends nothing). */
    static final String WHAT_IF_FORM = "whatIf";
    static final String WHAT_IF_FLAGS = "flags";

    /** The what-if query with blank fields and values equal to the proposal's own figures left out ("" when none). */
    private String changedOnly(Proposal proposal, MultivaluedMap<String, String> query) {
        Costing filed = costing.cost(proposal, evaluations.runs(proposal.id), costing.snapshot(costing.asOf(proposal)));
        List<String> flags = query.getOrDefault(WHAT_IF_FLAGS, List.of());
        StringBuilder kept = new StringBuilder();
        for (String key : query.keySet()) {
            if (key.equals(WHAT_IF_FORM) || key.equals(WHAT_IF_FLAGS) || flags.contains(key)) {
                continue;
            }
            String value = query.getFirst(key);
            if (Numbers.isBlank(value)) {
                continue;
            }
            boolean same = switch (key) {
                case "requests" -> proposal.workload.requestsPerMonth != null
                        && Numbers.parse(value).map(v -> v.compareTo(BigDecimal.valueOf(proposal.workload.requestsPerMonth)) == 0)
                                .orElse(false);
                case "asOf" -> value.strip().equals(String.valueOf(costing.asOf(proposal)));
                default -> Param.byKey(key)
                        .flatMap(param -> Numbers.parse(value).map(v -> v.doubleValue() == filed.assumptions().get(param)))
                        .orElse(false);
            };
            if (!same) {
                append(kept, key, value.strip());
            }
        }
        for (String key : flags) {
            Param.byKey(key).ifPresent(param -> {
                double ticked = "1".equals(query.getFirst(key)) ? 1 : 0;
                if (ticked != filed.assumptions().get(param)) {
                    append(kept, key, ticked == 1 ? "1" : "0");
                }
            });
        }
        return kept.length() == 0 ? "" : "?" + kept;
    }

    private static void append(StringBuilder query, String key, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static Response render(Status status, String page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private SignedInUser me() {
        return currentUser.get();
    }
}
