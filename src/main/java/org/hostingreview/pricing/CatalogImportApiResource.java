package org.hostingreview.pricing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Role;

/**
 * {@code POST /api/v1/catalog/benchmarks} and {@code /prices}: a GuideLLM or vLLM report, or LiteLLM's price list, as
 * the request body. Without {@code apply=true} the answer is the preview and nothing is added.
 */
@Path("/api/v1/catalog")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "Imports of measured benchmarks and price lists")
public class CatalogImportApiResource {

    /** One row of the answer. */
    public record Line(String status, String model, String provider, String gpu, Integer gpusPerReplica, String precision,
            java.math.BigDecimal requestRate, java.math.BigDecimal prefillTokensPerSecond, java.math.BigDecimal decodeTokensPerSecond,
            Integer ttftP99Ms, Integer itlP99Ms, java.time.LocalDate measuredOn, String before, String after) {
    }

    /** What the file adds, or added. */
    public record ImportView(long importId, String fileName, String sha256, java.time.LocalDate effectiveFrom, boolean applied,
            Integer rowsAdded, long added, long changed, long unchanged, List<Line> rows) {

        static ImportView of(CatalogImportService.Preview p) {
            List<Line> rows = new java.util.ArrayList<>();
            p.prices().forEach(l -> rows.add(new Line(l.status().name(), l.model(), l.provider(), null, null, null, null, null, null,
                    null, null, null, l.before(), l.after())));
            p.runs().forEach(l -> rows.add(new Line(l.status().name(), l.model(), null, l.run().gpu(), l.run().gpusPerReplica(),
                    l.run().precision(), l.run().requestRate(), l.run().prefillTokensPerSecond(), l.run().decodeTokensPerSecond(),
                    l.run().ttftP99Ms(), l.run().itlP99Ms(), l.run().measuredOn(), null, null)));
            return new ImportView(p.id(), p.fileName(), p.sha256(), p.effectiveFrom(), p.appliedAt() != null, p.rowsAdded(), p.added(),
                    p.changed(), p.unchanged(), rows);
        }
    }

    @Inject
    CatalogImportService imports;

    @Inject
    CatalogCosting costing;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("benchmarks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a GuideLLM or vLLM benchmark_serving JSON report as measured serving rows (preview unless apply=true)")
    public Response benchmarks(String body, @QueryParam("fileName") @DefaultValue("report.json") String fileName,
            @QueryParam("gpu") String gpu, @QueryParam("gpusPerReplica") String gpusPerReplica, @QueryParam("precision") String precision,
            @QueryParam("model") String model, @QueryParam("effectiveFrom") String effectiveFrom,
            @QueryParam("apply") @DefaultValue("false") boolean apply) {
        CatalogImportService.Preview preview = imports.upload(CatalogImport.Kind.BENCHMARK, fileName, bytes(body),
                effectiveFrom == null ? costing.today() : ImportResource.date(effectiveFrom),
                new BenchmarkReports.Hardware(gpu, ImportResource.gpus(gpusPerReplica), precision), model, actor());
        return answer(preview, apply);
    }

    @POST
    @Path("prices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import LiteLLM's model_prices_and_context_window.json (preview unless apply=true)")
    public Response prices(String body, @QueryParam("fileName") @DefaultValue("model_prices_and_context_window.json") String fileName,
            @QueryParam("effectiveFrom") String effectiveFrom, @QueryParam("apply") @DefaultValue("false") boolean apply) {
        CatalogImportService.Preview preview = imports.upload(CatalogImport.Kind.LITELLM, fileName, bytes(body),
                effectiveFrom == null ? costing.today() : ImportResource.date(effectiveFrom), null, null, actor());
        return answer(preview, apply);
    }

    private Response answer(CatalogImportService.Preview preview, boolean apply) {
        if (!apply) {
            return Response.ok(ImportView.of(preview)).build();
        }
        CatalogImportService.Preview applied = imports.apply(preview.id(), actor());
        return Response.status(applied.rowsAdded() != null && applied.rowsAdded() > 0 ? 201 : 200).entity(ImportView.of(applied)).build();
    }

    private static byte[] bytes(String body) {
        return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }

    private String actor() {
        return currentUser.get().username();
    }
}
