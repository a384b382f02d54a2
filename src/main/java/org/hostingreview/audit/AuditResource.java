package org.hostingreview.audit;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Flash;
import org.hostingreview.web.Role;
import org.hostingreview.web.SelectOptions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/** The global audit log (admins and reviewers), its exports, and verification of the hash chain (admins). */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    /** The filter form's fields. */
    public record FilterParams(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("team") String team, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("before") String before) {

        AuditLog.Filter filter() {
            return new AuditLog.Filter(actor, action, team, from, to, before);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(AuditLog.Page page, AuditLog.Filter filter, RawString teamOptions, RawString actionOptions);

        /** {@code AuditResource/export.csv}: every value a cell, escaped by {@link AuditCsv}. */
        static native TemplateInstance export(List<AuditLog.Row> rows);

        static native TemplateInstance verify(AuditChain.Verification result, List<AuditCheckpoint> checkpoints);
    }

    @Inject
    AuditLog log;

    @Inject
    AuditChain chain;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.REVIEWER_NAME })
    public TemplateInstance log(@BeanParam FilterParams params) {
        AuditLog.LogPage page = log.logPage(params.filter());
        AuditLog.Filter filter = params.filter();
        // the actions' options as one escaped block, not three template expressions per action
        RawString actionOptions = SelectOptions.of(Arrays.stream(AuditAction.values())
                .map(a -> new SelectOptions.Option(a.name(), a.name(), a.name().equals(filter.action()))).toList());
        return Templates.log(page.page(), filter, page.teamOptions(), actionOptions);
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv; charset=utf-8")
    @RolesAllowed({ Role.ADMIN_NAME, Role.REVIEWER_NAME })
    public Response csv(@BeanParam FilterParams params) {
        return Response.ok(Templates.export(log.export(params.filter()))).header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("export.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ADMIN_NAME, Role.REVIEWER_NAME })
    public Response json(@BeanParam FilterParams params) {
        return Response.ok(log.export(params.filter())).header("Content-Disposition", "attachment; filename=\"audit.json\"")
                .build();
    }

    @GET
    @Path("verify")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance verify(@jakarta.ws.rs.QueryParam("full") boolean full) {
        return Templates.verify(chain.verify(full),
                AuditCheckpoint.<AuditCheckpoint>find("order by id desc").page(0, 10).list());
    }

    @POST
    @Path("checkpoint")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response checkpoint() {
        AuditCheckpoint checkpoint = chain.checkpoint(currentUser.get().username());
        return Flash.redirect("/audit/verify", checkpoint == null ? "The audit trail is empty."
                : "Signed a checkpoint at sequence " + checkpoint.seq + ".");
    }

    /** A CSV cell: quoted, quotes doubled, and formula-looking text defused for spreadsheets. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
