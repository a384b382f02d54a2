package org.hostingreview.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.evaluation.EvaluationService;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.Numbers;
import org.hostingreview.web.Role;
import org.hostingreview.web.SelectOptions;
import org.hostingreview.web.SignedInUser;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/** Proposal pages: the list, the guided intake (steps 1–8), eval runs, submit and withdraw. */
@Path("/proposals")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProposalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ProposalPage page, ProposalQuery query,
                RawString teamOptions, RawString statusOptions, boolean seesAll, boolean canCreate);

        static native TemplateInstance step1(Proposal proposal, ProposalForms.FeatureAndWorkload form, List<Feature> features,
                FormErrors errors, List<ProgressItem> progress, Step step, String conflict, List<Proposal> similar);

        static native TemplateInstance step2(Proposal proposal, ProposalForms.Spend form, FormErrors errors,
                List<ProgressItem> progress, Step step, String conflict);

        static native TemplateInstance step3(Proposal proposal, ProposalForms.MlOps form, FormErrors errors,
                List<ProgressItem> progress, Step step, String conflict);

        static native TemplateInstance step4(Proposal proposal, ProposalForms.HostedOpenTried form, FormErrors errors,
                List<ProgressItem> progress, Step step, String conflict);

        static native TemplateInstance step5(Proposal proposal, ProposalForms.UpgradePlan form, FormErrors errors,
                List<ProgressItem> progress, Step step, String conflict);

        static native TemplateInstance step6(Proposal proposal, ProposalForms.Quality form, FormErrors errors,
                List<ProgressItem> progress, Step step, String conflict, List<EvalResult> runs,
                ProposalForms.EvalRun evalForm, FormErrors evalErrors);

        static native TemplateInstance step7(Proposal proposal, ProposalForms.Constraints form, FormErrors errors,
                List<ProgressItem> progress, Step step, String conflict);

        static native TemplateInstance step8(Proposal proposal, List<ProgressItem> progress, Step step, List<Step> missing,
                List<EvalResult> counting, String conflict, boolean canSubmit);

        static native TemplateInstance withdraw(Proposal proposal, ProposalForms.Withdraw form, FormErrors errors);
    }

    @Inject
    ProposalService proposals;

    @Inject
    EvaluationService evaluations;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    HttpServerRequest request;

    // --- list and summary --------------------------------------------------------------------------

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("team") String team,
            @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("after") String after) {
        SignedInUser me = me();
        ProposalQuery query = new ProposalQuery(status, team, q, sort, after);
        ProposalService.ListPage list = proposals.listPage(me, query);
        return Templates.list(list.page(), query, list.teamOptions(), statusOptions(query), me.seesAllTeams(),
                me.roles().contains(Role.PROPOSER));
    }

    /** The status filter's options, the one filtered on selected: one expression on the page, not three per status. */
    static RawString statusOptions(ProposalQuery query) {
        List<SelectOptions.Option> options = new ArrayList<>();
        for (ProposalStatus s : ProposalStatus.values()) {
            options.add(new SelectOptions.Option(s.name(), s.label(), s.name().equals(query.status())));
        }
        return SelectOptions.of(options);
    }

    // --- creating: step 1 without a proposal yet ---------------------------------------------------

    @GET
    @Path("new")
    public TemplateInstance newProposal() {
        return step1Page(null, ProposalForms.FeatureAndWorkload.blank(), FormErrors.none(), null, List.of());
    }

    @POST
    public Response create(@BeanParam ProposalForms.FeatureAndWorkload form) {
        try {
            Proposal proposal = proposals.create(me(), form);
            return Flash.redirect(stepUrl(proposal.id, 2), "Draft #" + proposal.id + " created. Next: the five questions.");
        } catch (InvalidInputException e) {
            return render(Status.BAD_REQUEST, step1Page(null, form, e.errors(), null, List.of()));
        } catch (ProposalService.PossibleDuplicateException e) {
            return render(Status.OK, step1Page(null, form, FormErrors.none(), null, e.similar()));
        }
    }

    // --- the steps -----------------------------------------------------------------------------------

    @GET
    @Path("{id}/steps/{step}")
    public TemplateInstance step(@PathParam("id") long id, @PathParam("step") int number) {
        SignedInUser me = me();
        Step step = Step.of(number);
        if (step == Step.SUBMIT) {
            return step8Page(proposals.visible(id, me), null);
        }
        Proposal proposal = proposals.editable(id, me);
        return stepPage(proposal, proposal.formOf(step), FormErrors.none(), null);
    }

    /**
     * Saves one step: each step's form binds from the same posted fields and the step in the address picks the one that
     * counts. Step 6's single form also adds an eval run when one was typed.
     */
    @POST
    @Path("{id}/steps/{step}")
    public Response saveStep(@PathParam("id") long id, @PathParam("step") int number,
            @BeanParam ProposalForms.FeatureAndWorkload workload, @BeanParam ProposalForms.Spend spend,
            @BeanParam ProposalForms.MlOps mlOps, @BeanParam ProposalForms.HostedOpenTried hostedOpen,
            @BeanParam ProposalForms.UpgradePlan upgradePlan, @BeanParam ProposalForms.Quality quality,
            @BeanParam ProposalForms.Constraints constraints, @BeanParam ProposalForms.EvalRun run) {
        ProposalForms.StepForm form = switch (Step.of(number)) {
            case FEATURE_AND_WORKLOAD -> workload;
            case SPEND -> spend;
            case MLOPS -> mlOps;
            case HOSTED_OPEN_TRIED -> hostedOpen;
            case UPGRADE_PLAN -> upgradePlan;
            case QUALITY -> quality;
            case CONSTRAINTS -> constraints;
            case SUBMIT -> throw new NotAllowedException("GET");
        };
        if (form == quality && run.typed()) {
            return addEval(id, quality, run);
        }
        return save(id, form, (p, errors, conflict) -> stepPage(p, form, errors, conflict));
    }

    /** A step's page showing {@code form} (as stored, or as posted and refused). */
    private TemplateInstance stepPage(Proposal proposal, ProposalForms.StepForm form, FormErrors errors, String conflict) {
        Step step = form.step();
        List<ProgressItem> progress = ProgressItem.of(proposal, step);
        return switch (step) {
            case FEATURE_AND_WORKLOAD -> step1Page(proposal, (ProposalForms.FeatureAndWorkload) form, errors, conflict, List.of());
            case SPEND -> Templates.step2(proposal, (ProposalForms.Spend) form, errors, progress, step, conflict);
            case MLOPS -> Templates.step3(proposal, (ProposalForms.MlOps) form, errors, progress, step, conflict);
            case HOSTED_OPEN_TRIED -> Templates.step4(proposal, (ProposalForms.HostedOpenTried) form, errors, progress, step,
                    conflict);
            case UPGRADE_PLAN -> Templates.step5(proposal, (ProposalForms.UpgradePlan) form, errors, progress, step, conflict);
            case QUALITY -> step6Page(proposal, (ProposalForms.Quality) form, errors, conflict,
                    ProposalForms.EvalRun.blank(proposal, today()), FormErrors.none());
            case CONSTRAINTS -> Templates.step7(proposal, (ProposalForms.Constraints) form, errors, progress, step, conflict);
            case SUBMIT -> step8Page(proposal, conflict);
        };
    }

    // --- eval runs, submit, withdraw -------------------------------------------------------------------

    @POST
    @Path("{id}/evals")
    public Response addEval(@PathParam("id") long id, @BeanParam ProposalForms.Quality quality,
            @BeanParam ProposalForms.EvalRun form) {
        SignedInUser me = me();
        Proposal proposal;
        try {
            // posted from step 6's one form: the eval set typed above is saved first and is the run's eval set
            proposal = quality.version() == null ? proposals.editable(id, me) : proposals.save(id, me, quality);
        } catch (InvalidInputException e) {
            return render(Status.BAD_REQUEST, step6Page(proposals.editable(id, me), quality, e.errors(), null, form,
                    FormErrors.none()));
        } catch (ProposalService.StaleProposalException e) {
            return render(Status.CONFLICT, step6Page(proposals.editable(id, me), quality, FormErrors.none(),
                    proposals.conflictMessage(id), form, FormErrors.none()));
        }
        ProposalForms.EvalRun run = form.inSetOf(proposal);
        if (Numbers.isBlank(run.evalSet())) {
            return render(Status.BAD_REQUEST, step6Page(proposal, (ProposalForms.Quality) proposal.formOf(Step.QUALITY),
                    FormErrors.none().add("evalSetName", "Name the eval set the run was on."), null, run, FormErrors.none()));
        }
        try {
            EvalResult added = evaluations.add(id, me, run);
            String target = goTo().map(step -> stepUrl(id, step)).orElse(stepUrl(id, 6) + "#evals");
            return Flash.redirect(target, "Added the eval run of " + added.model + ".");
        } catch (InvalidInputException e) {
            return render(Status.BAD_REQUEST, step6Page(proposal, (ProposalForms.Quality) proposal.formOf(Step.QUALITY), FormErrors.none(), null,
                    run, e.errors()));
        }
    }

    @POST
    @Path("{id}/evals/{evalId}/delete")
    public Response removeEval(@PathParam("id") long id, @PathParam("evalId") long evalId) {
        evaluations.remove(id, evalId, me());
        return Flash.redirect(stepUrl(id, 6) + "#evals", "Removed the eval run.");
    }

    @POST
    @Path("{id}/submit")
    public Response submit(@PathParam("id") long id, @RestForm String version) {
        SignedInUser me = me();
        try {
            proposals.submit(id, me, version);
            return Flash.redirect("/proposals/" + id, "Submitted for review.");
        } catch (ProposalService.IncompleteProposalException e) {
            return render(Status.BAD_REQUEST, step8Page(proposals.visible(id, me), null));
        } catch (ProposalService.StaleProposalException e) {
            return render(Status.CONFLICT, step8Page(proposals.visible(id, me), proposals.conflictMessage(id)));
        }
    }

    @GET
    @Path("{id}/withdraw")
    public TemplateInstance withdrawForm(@PathParam("id") long id) {
        Proposal proposal = proposals.visible(id, me());
        return Templates.withdraw(proposal, new ProposalForms.Withdraw("", String.valueOf(proposal.version)),
                FormErrors.none());
    }

    @POST
    @Path("{id}/withdraw")
    public Response withdraw(@PathParam("id") long id, @BeanParam ProposalForms.Withdraw form) {
        SignedInUser me = me();
        try {
            proposals.withdraw(id, me, form);
            return Flash.redirect("/proposals/" + id, "Withdrawn.");
        } catch (InvalidInputException e) {
            return render(Status.BAD_REQUEST, Templates.withdraw(proposals.visible(id, me), form, e.errors()));
        } catch (ProposalService.StaleProposalException e) {
            Proposal current = proposals.visible(id, me);
            return render(Status.CONFLICT, Templates.withdraw(current,
                    new ProposalForms.Withdraw(form.reason(), String.valueOf(current.version)),
                    FormErrors.none().add("reason", proposals.conflictMessage(id))));
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Renders a step page again for a refused save. */
    @FunctionalInterface
    interface StepPage {
        TemplateInstance render(Proposal proposal, FormErrors errors, String conflict);
    }

    /**
     * Saves a step and goes on: to the next step, or to the step named by {@code ?goto=} (the step sidebar and
     * Back submit the step's form there, so nothing typed is lost). Leaving a step whose fields are as stored
     * saves nothing, so an unfinished step can be left without filling it in.
     */
    private Response save(long id, ProposalForms.StepForm form, StepPage page) {
        SignedInUser me = me();
        Optional<Integer> goTo = goTo();
        try {
            if (goTo.isPresent() && ProposalForms.unchanged(form, proposals.editable(id, me))) {
                return Flash.redirect(stepUrl(id, goTo.get()));
            }
            Proposal saved = proposals.save(id, me, form);
            int next = goTo.orElse(form.step().number() + 1);
            return Flash.redirect(stepUrl(saved.id, next), "Saved “" + form.step().title() + "”.");
        } catch (InvalidInputException e) {
            return render(Status.BAD_REQUEST, page.render(proposals.editable(id, me), e.errors(),
                    goTo.isPresent() ? "Not saved, so you are still on this step: correct the fields marked below and "
                            + "choose the step again (or reload the page to drop what you typed)." : null));
        } catch (ProposalService.StaleProposalException e) {
            return render(Status.CONFLICT, page.render(proposals.editable(id, me), FormErrors.none(), proposals.conflictMessage(id)));
        }
    }

    private TemplateInstance step1Page(Proposal proposal, ProposalForms.FeatureAndWorkload form, FormErrors errors,
            String conflict, List<Proposal> similar) {
        long teamId = proposal != null ? proposal.team.id : me().teamId();
        return Templates.step1(proposal, form, proposals.featuresOf(teamId), errors,
                ProgressItem.of(proposal, Step.FEATURE_AND_WORKLOAD), Step.FEATURE_AND_WORKLOAD, conflict, similar);
    }

    private TemplateInstance step6Page(Proposal proposal, ProposalForms.Quality form, FormErrors errors, String conflict,
            ProposalForms.EvalRun evalForm, FormErrors evalErrors) {
        return Templates.step6(proposal, form, errors, ProgressItem.of(proposal, Step.QUALITY), Step.QUALITY, conflict,
                evaluations.runs(proposal.id), evalForm, evalErrors);
    }

    private TemplateInstance step8Page(Proposal proposal, String conflict) {
        return Templates.step8(proposal, ProgressItem.of(proposal, Step.SUBMIT), Step.SUBMIT,
                ProposalService.missingSteps(proposal), EvalResult.latestPerModel(evaluations.runs(proposal.id)), conflict,
                ProposalService.canEdit(me(), proposal));
    }

    /** The step a sidebar link or Back asked for, if any. */
    private Optional<Integer> goTo() {
        String value = request.getParam("goto");
        if (value == null || !value.matches("[1-8]")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value));
    }

    private static String stepUrl(long id, int step) {
        return "/proposals/" + id + "/steps/" + step;
    }

    private static Response render(Status status, TemplateInstance page) {
        return Response.status(status).entity(page).build();
    }

    private String today() {
        return LocalDate.now(clock).toString();
    }

    private SignedInUser me() {
        return currentUser.get();
    }
}
