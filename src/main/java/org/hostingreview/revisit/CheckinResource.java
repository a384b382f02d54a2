package org.hostingreview.revisit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.Numbers;
import org.hostingreview.web.SignedInUser;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** {@code /proposals/{id}/checkins}: the actuals of a decided feature, entered or imported by its team. */
@Path("/proposals/{id}/checkins")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CheckinResource {

    static final long MAX_CSV_BYTES = 5 * 1024 * 1024;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkins(Proposal proposal, List<Checkin> checkins, boolean canCheckIn, CheckinForm form,
                FormErrors errors, FormErrors csvErrors, List<Tier> tiers);
    }

    @Inject
    ProposalService proposals;

    @Inject
    CheckinService checkins;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance list(@PathParam("id") long id) {
        return page(id, null, FormErrors.none(), FormErrors.none());
    }

    @POST
    public Response record(@PathParam("id") long id, @BeanParam CheckinForm form) {
        SignedInUser me = currentUser.get();
        try {
            CheckinService.Result result = checkins.record(id, me, checkins.actuals(form), Checkin.Source.FORM, form.replaces(),
                    null);
            return Flash.redirect("/proposals/" + id + "/checkins", result.reopened()
                    ? "Check-in recorded. It re-opened the decision: "
                            + String.join("; ", result.checkin().reasons.stream().map(ReopenReason::label).toList())
                    : !result.checkin().reasons.isEmpty() ? "Check-in recorded and added to the review: "
                            + String.join("; ", result.checkin().reasons.stream().map(ReopenReason::label).toList())
                    : "Check-in recorded: nothing moved enough to re-open the decision.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(id, form, e.errors(), FormErrors.none())).build();
        }
    }

    @POST
    @Path("csv")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCsv(@PathParam("id") long id, @RestForm("file") FileUpload file, @RestForm("csvReplace") String replace) {
        SignedInUser me = currentUser.get();
        try {
            if (file == null || file.size() == 0) {
                throw new InvalidInputException("file", "Choose a CSV file.");
            }
            if (file.size() > MAX_CSV_BYTES) {
                throw new InvalidInputException("file", "The file is larger than 5 MB.");
            }
            String csv = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            CheckinService.Import imported = checkins.importCsv(id, me, csv, "on".equals(replace));
            long reopened = imported.results().stream().filter(CheckinService.Result::reopened).count();
            return Flash.redirect("/proposals/" + id + "/checkins", String.format("Imported %s%s%s.",
                    Text.count(imported.results().size(), "check-in"), imported.skipped() > 0 ? ", skipped "
                            + Text.count(imported.skipped(), "row") + " of other features" : "",
                    reopened > 0 ? "; the decision was re-opened" : ""));
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(id, null, FormErrors.none(), e.errors())).build();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Response.status(400).entity(page(id, null, FormErrors.none(),
                    FormErrors.none().add("file", "The file is not readable UTF-8 text."))).build();
        }
    }

    private TemplateInstance page(long id, CheckinForm form, FormErrors errors, FormErrors csvErrors) {
        SignedInUser me = currentUser.get();
        Proposal proposal = proposals.visible(id, me);
        boolean canCheckIn = me.teamId() == proposal.team.id
                && (proposal.status == org.hostingreview.proposal.ProposalStatus.APPROVED
                        || proposal.status == org.hostingreview.proposal.ProposalStatus.REVIEW_DUE);
        return Templates.checkins(proposal, Checkin.ofProposal(id), canCheckIn, form != null ? form : blank(proposal), errors,
                csvErrors, List.of(Tier.values()));
    }

    /** A fresh form: the token sizes start at the decided workload's, which most check-ins keep. */
    private static CheckinForm blank(Proposal proposal) {
        return new CheckinForm("", "", "", Numbers.field(proposal.workload.inputTokensPerRequest),
                Numbers.field(proposal.workload.outputTokensPerRequest), "", "", "", "", "", "");
    }
}
