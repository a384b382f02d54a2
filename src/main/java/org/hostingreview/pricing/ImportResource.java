package org.hostingreview.pricing;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hostingreview.costmodel.Text;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.Numbers;
import org.hostingreview.web.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Admins upload LiteLLM's price list or a GuideLLM / vLLM benchmark report, see what it would change, and apply it. */
@Path("/pricing/imports")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class ImportResource {

    /** The two upload forms' values, kept when one is refused. */
    public record Uploads(String priceEffectiveFrom, String benchmarkEffectiveFrom, String gpu, String gpusPerReplica,
            String precision, String model) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance uploads(Uploads form, FormErrors priceErrors, FormErrors benchmarkErrors,
                List<CatalogImport> recent);

        static native TemplateInstance preview(CatalogImportService.Preview preview, CatalogRechecks.Status recheck, boolean seesAll);
    }

    @Inject
    CatalogImportService imports;

    @Inject
    CatalogCosting costing;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance uploads() {
        String today = costing.today().toString();
        return page(new Uploads(today, today, "", "", "", ""), FormErrors.none(), FormErrors.none());
    }

    @POST
    @Path("prices")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadPrices(@RestForm("file") FileUpload file, @RestForm String effectiveFrom) {
        Uploads form = new Uploads(effectiveFrom, costing.today().toString(), "", "", "", "");
        try {
            CatalogImportService.Preview preview = imports.upload(CatalogImport.Kind.LITELLM, file == null ? null : file.fileName(),
                    bytes(file), date(effectiveFrom), null, null, currentUser.get().username());
            return Response.seeOther(java.net.URI.create("/pricing/imports/" + preview.id())).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(form, e.errors(), FormErrors.none())).build();
        }
    }

    @POST
    @Path("benchmarks")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadBenchmark(@RestForm("file") FileUpload file, @RestForm String effectiveFrom, @RestForm String gpu,
            @RestForm String gpusPerReplica, @RestForm String precision, @RestForm String model) {
        Uploads form = new Uploads(costing.today().toString(), effectiveFrom, gpu, gpusPerReplica, precision, model);
        try {
            Integer gpus = gpus(gpusPerReplica);
            CatalogImportService.Preview preview = imports.upload(CatalogImport.Kind.BENCHMARK, file == null ? null : file.fileName(),
                    bytes(file), date(effectiveFrom), new BenchmarkReports.Hardware(gpu, gpus, precision), model,
                    currentUser.get().username());
            return Response.seeOther(java.net.URI.create("/pricing/imports/" + preview.id())).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(form, FormErrors.none(), e.errors())).build();
        }
    }

    @Inject
    CatalogRechecks rechecks;

    @GET
    @Path("{id}")
    public TemplateInstance preview(@PathParam("id") long id) {
        CatalogRechecks.Status recheck = rechecks.of("import:" + id);
        return Templates.preview(imports.preview(id), recheck, currentUser.get().seesAllTeams());
    }

    @POST
    @Path("{id}/apply")
    public Response apply(@PathParam("id") long id) {
        CatalogImportService.Preview before = imports.preview(id);
        CatalogImportService.Preview after = imports.apply(id, currentUser.get().username());
        String message = before.applicable() ? String.format("Added %s to the catalog from %s.", Text.count(after.rowsAdded(), "row"),
                after.fileName()) : "Nothing to add: the catalog already has every row of this file.";
        return Flash.redirect("/pricing/imports/" + id, message);
    }

    private TemplateInstance page(Uploads form, FormErrors priceErrors, FormErrors benchmarkErrors) {
        List<CatalogImport> recent = CatalogImport.find("order by id desc").page(0, 20).list();
        return Templates.uploads(form, priceErrors, benchmarkErrors, recent);
    }

    static byte[] bytes(FileUpload file) {
        if (file == null || file.size() == 0) {
            throw new InvalidInputException("file", "Choose a file.");
        }
        if (file.size() > CatalogImportService.MAX_BYTES) {
            throw new InvalidInputException("file", "The file is larger than 20 MB.");
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file could not be read.");
        }
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("effectiveFrom", "Enter the day the rows take effect.");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("effectiveFrom", "Enter a date as YYYY-MM-DD.");
        }
    }

    static Integer gpus(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("\\d{1,2}") || Integer.parseInt(text.strip()) < 1 || Integer.parseInt(text.strip()) > 64) {
            throw new InvalidInputException("gpusPerReplica", "Enter 1 to 64 GPUs.");
        }
        return Numbers.wholeInt(text.strip());
    }
}
