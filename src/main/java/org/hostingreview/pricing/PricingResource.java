package org.hostingreview.pricing;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.web.CurrentUser;
import org.hostingreview.web.Flash;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The pricing catalog: everyone reads it with its history; admins add new effective-dated values. */
@Path("/pricing")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PricingResource {

    /** The four add forms with their errors; only the posted one is ever refused. */
    public record Forms(PricingForms.NewModelPrice modelPrice, FormErrors modelPriceErrors, PricingForms.NewGpuPrice gpuPrice,
            FormErrors gpuPriceErrors, PricingForms.NewThroughput throughput, FormErrors throughputErrors,
            PricingForms.NewPolicy policy, FormErrors policyErrors, PricingForms.NewProvider provider, FormErrors providerErrors) {

        Forms(PricingForms.NewModelPrice modelPrice, FormErrors modelPriceErrors, PricingForms.NewGpuPrice gpuPrice,
                FormErrors gpuPriceErrors, PricingForms.NewThroughput throughput, FormErrors throughputErrors,
                PricingForms.NewPolicy policy, FormErrors policyErrors) {
            this(modelPrice, modelPriceErrors, gpuPrice, gpuPriceErrors, throughput, throughputErrors, policy, policyErrors,
                    new PricingForms.NewProvider("", "HOSTED_OPEN", ""), FormErrors.none());
        }

        static Forms blank(LocalDate today) {
            String t = today.toString();
            return new Forms(new PricingForms.NewModelPrice("", "", "HOSTED_OPEN", "", "", "", "", "", "", "LIST_PRICE", t, "", t),
                    FormErrors.none(),
                    new PricingForms.NewGpuPrice("", "", "", t, "", t), FormErrors.none(),
                    new PricingForms.NewThroughput("", "", "", "", "", "", "", "", "", "BENCHMARK", "", "",
                            "", t, "", t), FormErrors.none(),
                    new PricingForms.NewPolicy("", "", t, "", t), FormErrors.none());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(List<CatalogRow> modelPrices, List<CatalogRow> gpuPrices,
                List<CatalogRow> throughputs, List<CatalogRow> policies, LocalDate today, boolean admin, Forms forms,
                List<Param> params, List<Tier> tiers, List<Provider> providers);
    }

    @Inject
    PricingService pricing;

    @Inject
    CatalogCosting costing;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance catalog() {
        return page(Forms.blank(costing.today()));
    }

    @POST
    @Path("model-prices")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response addModelPrice(@BeanParam PricingForms.NewModelPrice form) {
        try {
            return added(pricing.addModelPrice(form, actor()));
        } catch (InvalidInputException e) {
            Forms blank = Forms.blank(costing.today());
            return refused(new Forms(form, e.errors(), blank.gpuPrice(), blank.gpuPriceErrors(), blank.throughput(),
                    blank.throughputErrors(), blank.policy(), blank.policyErrors()));
        }
    }

    @POST
    @Path("gpu-prices")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response addGpuPrice(@BeanParam PricingForms.NewGpuPrice form) {
        try {
            return added(pricing.addGpuPrice(form, actor()));
        } catch (InvalidInputException e) {
            Forms blank = Forms.blank(costing.today());
            return refused(new Forms(blank.modelPrice(), blank.modelPriceErrors(), form, e.errors(), blank.throughput(),
                    blank.throughputErrors(), blank.policy(), blank.policyErrors()));
        }
    }

    @POST
    @Path("throughputs")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response addThroughput(@BeanParam PricingForms.NewThroughput form) {
        try {
            return added(pricing.addThroughput(form, actor()));
        } catch (InvalidInputException e) {
            Forms blank = Forms.blank(costing.today());
            return refused(new Forms(blank.modelPrice(), blank.modelPriceErrors(), blank.gpuPrice(), blank.gpuPriceErrors(), form,
                    e.errors(), blank.policy(), blank.policyErrors()));
        }
    }

    @POST
    @Path("policies")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response addPolicy(@BeanParam PricingForms.NewPolicy form) {
        try {
            return added(pricing.addPolicy(form, actor()));
        } catch (InvalidInputException e) {
            Forms blank = Forms.blank(costing.today());
            return refused(new Forms(blank.modelPrice(), blank.modelPriceErrors(), blank.gpuPrice(), blank.gpuPriceErrors(),
                    blank.throughput(), blank.throughputErrors(), form, e.errors()));
        }
    }

    @POST
    @Path("providers")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response addProvider(@BeanParam PricingForms.NewProvider form) {
        try {
            String name = pricing.addProvider(form, actor());
            return Flash.redirect("/pricing#providers", "Added the provider " + name + ".");
        } catch (InvalidInputException e) {
            Forms blank = Forms.blank(costing.today());
            return refused(new Forms(blank.modelPrice(), blank.modelPriceErrors(), blank.gpuPrice(), blank.gpuPriceErrors(),
                    blank.throughput(), blank.throughputErrors(), blank.policy(), blank.policyErrors(), form, e.errors()));
        }
    }

    private Response added(String ref) {
        return Flash.redirect("/pricing/changes?ref=" + ref, "Added to the catalog.");
    }

    private Response refused(Forms forms) {
        return Response.status(Response.Status.BAD_REQUEST).entity(page(forms)).build();
    }

    private TemplateInstance page(Forms forms) {
        LocalDate today = costing.today();
        CatalogSnapshot now = costing.snapshot(today);
        Set<String> inForce = new HashSet<>();
        now.modelPrices().forEach(m -> inForce.add(CatalogRef.of(m)));
        now.gpuPrices().forEach(g -> inForce.add(CatalogRef.of(g)));
        now.throughputs().forEach(t -> inForce.add(CatalogRef.of(t)));
        now.policies().forEach(p -> inForce.add(CatalogRef.of(p)));
        long staleDays = now.policies().stream().filter(p -> p.param.equals(Param.STALE_DAYS.key())).findFirst()
                .map(p -> p.value.longValue()).orElse((long) Param.STALE_DAYS.fallback());
        PricingService.History history = pricing.history();
        return Templates.catalog(CatalogRow.of(history, inForce, today, staleDays, CatalogRef.MODEL_PRICE),
                CatalogRow.of(history, inForce, today, staleDays, CatalogRef.GPU_PRICE),
                CatalogRow.of(history, inForce, today, staleDays, CatalogRef.THROUGHPUT),
                CatalogRow.of(history, inForce, today, staleDays, CatalogRef.POLICY), today, currentUser.isAdmin(), forms,
                List.of(Param.values()), List.of(Tier.FRONTIER_CLOSED, Tier.HOSTED_OPEN), pricing.providers());
    }

    private String actor() {
        return currentUser.get().username();
    }
}
