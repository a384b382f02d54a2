package org.hostingreview.pricing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.web.Choices;
import org.hostingreview.web.Dates;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.FormValidator;
import org.hostingreview.web.NotFoundException;
import org.hostingreview.web.Numbers;

/**
 * The catalog's history and its additions. A value is never edited: an admin adds a new row with its
 * effective date, source and checked-on date, audited; then sees which open proposals it changes.
 */
@ApplicationScoped
public class PricingService {


    @Inject
    EntityManager em;


    @Inject
    FormValidator forms;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Inject
    Event<CatalogChanged> catalogChanged;

    @Inject
    CatalogRechecks rechecks;

    /** Every row of the catalog, newest first within each key. */
    public record History(List<ModelPrice> modelPrices, List<GpuPrice> gpuPrices, List<ServingThroughput> throughputs,
            List<PolicyValue> policies) {
    }

    @Transactional(TxType.SUPPORTS)
    public History history() {
        return new History(
                em.createQuery("from ModelPrice order by tier, lower(model), provider, effectiveFrom desc, id desc", ModelPrice.class)
                        .getResultList(),
                em.createQuery("from GpuPrice order by gpu, effectiveFrom desc, id desc", GpuPrice.class).getResultList(),
                em.createQuery("from ServingThroughput order by lower(model), gpu, effectiveFrom desc, id desc",
                        ServingThroughput.class).getResultList(),
                em.createQuery("from PolicyValue order by param, effectiveFrom desc, id desc", PolicyValue.class).getResultList());
    }

    @Transactional
    public String addModelPrice(PricingForms.NewModelPrice form, String actor) {
        FormErrors errors = forms.validate(form);
        Tier tier = Choices.parse(errors, "tier", form.tier(), Tier.class);
        if (tier == Tier.SELF_HOSTED) {
            errors.add("tier", "Self-hosting is priced by GPUs and throughput, not per token.");
        }
        PriceBasis basis = Numbers.isBlank(form.basis()) ? PriceBasis.LIST_PRICE : Choices.parse(errors, "basis", form.basis(), PriceBasis.class);
        if (!errors.has("provider") && tier != null && tier != Tier.SELF_HOSTED && basis == PriceBasis.LIST_PRICE) {
            Provider known = provider(form.provider());
            if (known == null) {
                errors.add("provider", "Add the provider first (Providers, below), or mark the row a framework assumption.");
            } else if (known.tier != tier) {
                errors.add("provider", known.name + " is a " + known.tier.label() + " provider.");
            }
        }
        Provenance dates = dates(form.effectiveFrom(), form.checkedOn(), errors);
        errors.throwIfAny();
        ModelPrice row = new ModelPrice();
        row.provider = form.provider().strip();
        row.model = form.model().strip();
        row.tier = tier;
        row.inputUsdPerMTok = Numbers.decimal(form.inputUsdPerMTok());
        row.outputUsdPerMTok = Numbers.decimal(form.outputUsdPerMTok());
        row.cachedInputUsdPerMTok = Numbers.decimal(form.cachedInputUsdPerMTok());
        row.batchInputUsdPerMTok = Numbers.decimal(form.batchInputUsdPerMTok());
        row.batchOutputUsdPerMTok = Numbers.decimal(form.batchOutputUsdPerMTok());
        row.cacheWriteUsdPerMTok = Numbers.decimal(form.cacheWriteUsdPerMTok());
        row.statedBasis = basis;
        row.provenance(dates.effectiveFrom, form.source(), dates.checkedOn, actor);
        row.persist();
        return auditedPrice(row, actor);
    }

    /** Audits a new model price (typed in or imported) and fires the catalog change. */
    String auditedPrice(ModelPrice row, String actor) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("provider", row.provider);
        values.put("model", row.model);
        values.put("tier", row.tier.name());
        values.put("inputUsdPerMTok", plain(row.inputUsdPerMTok));
        values.put("outputUsdPerMTok", plain(row.outputUsdPerMTok));
        values.put("cachedInputUsdPerMTok", String.valueOf(plain(row.cachedInputUsdPerMTok)));
        values.put("batchInputUsdPerMTok", String.valueOf(plain(row.batchInputUsdPerMTok)));
        values.put("batchOutputUsdPerMTok", String.valueOf(plain(row.batchOutputUsdPerMTok)));
        values.put("cacheWriteUsdPerMTok", String.valueOf(plain(row.cacheWriteUsdPerMTok)));
        values.put("basis", row.basis().name());
        values.put("source", row.source);
        return audited(CatalogRef.of(row), actor, row.effectiveFrom, values);
    }

    /** The provider of that name (any case), or null. */
    @Transactional(TxType.SUPPORTS)
    public Provider provider(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return em.createQuery("from Provider where lower(name) = lower(:n)", Provider.class).setParameter("n", name.strip())
                .getResultStream().findFirst().orElse(null);
    }

    @Transactional(TxType.SUPPORTS)
    public List<Provider> providers() {
        return em.createQuery("from Provider order by tier, lower(name)", Provider.class).getResultList();
    }

    @Transactional
    public String addProvider(PricingForms.NewProvider form, String actor) {
        FormErrors errors = forms.validate(form);
        Tier tier = Choices.parse(errors, "tier", form.tier(), Tier.class);
        if (tier == Tier.SELF_HOSTED) {
            errors.add("tier", "A provider sells per-token access: frontier or hosted-open.");
        }
        if (!errors.has("name") && provider(form.name()) != null) {
            errors.add("name", "There is a provider of that name already.");
        }
        errors.throwIfAny();
        Provider row = new Provider();
        row.name = form.name().strip();
        row.tier = tier;
        row.website = Numbers.isBlank(form.website()) ? null : form.website().strip();
        row.createdBy = actor;
        row.persist();
        audit.event(AuditAction.CATALOG_VALUE_ADDED, actor).on(AuditEntity.CATALOG, "provider:" + row.id).detail("provider", row.name)
                .detail("tier", tier.name()).record();
        return row.name;
    }

    @Transactional
    public String addGpuPrice(PricingForms.NewGpuPrice form, String actor) {
        FormErrors errors = forms.validate(form);
        Provenance dates = dates(form.effectiveFrom(), form.checkedOn(), errors);
        errors.throwIfAny();
        GpuPrice row = new GpuPrice();
        row.gpu = form.gpu().strip();
        row.memoryGb = Numbers.wholeInt(form.memoryGb());
        row.usdPerHour = Numbers.decimal(form.usdPerHour());
        row.provenance(dates.effectiveFrom, form.source(), dates.checkedOn, actor);
        row.persist();
        return audited(CatalogRef.of(row), actor, row.effectiveFrom, Map.of("gpu", row.gpu, "memoryGb", row.memoryGb,
                "usdPerHour", plain(row.usdPerHour), "source", row.source));
    }

    @Transactional
    public String addThroughput(PricingForms.NewThroughput form, String actor) {
        FormErrors errors = forms.validate(form);
        ServingThroughput.SourceKind kind = Choices.parse(errors, "sourceKind", form.sourceKind(),
                ServingThroughput.SourceKind.class);
        boolean prefill = !Numbers.isBlank(form.prefillTokensPerSecond());
        boolean decode = !Numbers.isBlank(form.decodeTokensPerSecond());
        boolean blended = !Numbers.isBlank(form.tokensPerSecond());
        if (prefill != decode) {
            errors.add(prefill ? "decodeTokensPerSecond" : "prefillTokensPerSecond", "Enter both rates: prefill and decode.");
        } else if (!prefill && !blended) {
            errors.add("prefillTokensPerSecond", "Enter the prefill and decode rates.");
        } else if (prefill && blended) {
            errors.add("tokensPerSecond", "Leave the blended rate empty when you give the two rates.");
        }
        LocalDate measuredOn = null;
        if (kind == ServingThroughput.SourceKind.BENCHMARK) {
            if (Numbers.isBlank(form.benchmark())) {
                errors.add("benchmark", "Name the benchmark that measured it.");
            }
            measuredOn = Numbers.isBlank(form.measuredOn()) ? null : Dates.parse("measuredOn", form.measuredOn(), Dates.EARLIEST,
                    Dates.Latest.on(LocalDate.now(clock)), errors);
            if (Numbers.isBlank(form.measuredOn())) {
                errors.add("measuredOn", "Enter the day it was measured.");
            }
        } else if (kind == ServingThroughput.SourceKind.ESTIMATE && Numbers.isBlank(form.method())) {
            errors.add("method", "Say how it was estimated.");
        }
        Provenance dates = dates(form.effectiveFrom(), form.checkedOn(), errors);
        errors.throwIfAny();
        ServingThroughput row = new ServingThroughput();
        row.model = form.model().strip();
        row.gpu = form.gpu().strip();
        row.precision = Numbers.isBlank(form.precision()) ? null : form.precision().strip().toUpperCase(java.util.Locale.ROOT);
        row.prefillTokensPerSecond = Numbers.decimal(form.prefillTokensPerSecond());
        row.decodeTokensPerSecond = Numbers.decimal(form.decodeTokensPerSecond());
        row.tokensPerSecond = Numbers.decimal(form.tokensPerSecond());
        row.gpusPerReplica = Numbers.wholeInt(form.gpusPerReplica());
        row.ttftMs = Numbers.wholeInt(form.ttftMs());
        row.itlMs = Numbers.wholeInt(form.itlMs());
        row.sourceKind = kind;
        row.benchmark = Numbers.isBlank(form.benchmark()) ? null : form.benchmark().strip();
        row.measuredOn = measuredOn;
        row.method = Numbers.isBlank(form.method()) ? null : form.method().strip();
        row.provenance(dates.effectiveFrom, form.source(), dates.checkedOn, actor);
        row.persist();
        return auditedThroughput(row, actor);
    }

    /** Audits a new serving row (typed in or imported) and fires the catalog change. */
    String auditedThroughput(ServingThroughput row, String actor) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("model", row.model);
        values.put("gpu", row.gpu);
        values.put("precision", String.valueOf(row.precision));
        values.put("prefillTokensPerSecond", String.valueOf(plain(row.prefillTokensPerSecond)));
        values.put("decodeTokensPerSecond", String.valueOf(plain(row.decodeTokensPerSecond)));
        values.put("tokensPerSecond", String.valueOf(plain(row.tokensPerSecond)));
        values.put("gpusPerReplica", row.gpusPerReplica);
        values.put("latency", row.latency());
        values.put("sourceKind", row.sourceKind.name());
        values.put("provenance", row.provenance());
        values.put("source", row.source);
        return audited(CatalogRef.of(row), actor, row.effectiveFrom, values);
    }

    @Transactional
    public String addPolicy(PricingForms.NewPolicy form, String actor) {
        FormErrors errors = forms.validate(form);
        Param param = errors.has("param") ? null : Param.byKey(form.param()).orElse(null);
        if (param == null && !errors.has("param")) {
            errors.add("param", "Choose one of the listed settings.");
        }
        if (param != null && !errors.has("value")) {
            double value = Numbers.decimal(form.value()).doubleValue();
            if (!param.check(value)) {
                errors.add("value", String.format("%s takes %s from %s to %s.", param.label(),
                        param.whole() ? "a whole number" : "a value", Numbers.grouped(param.min(), 4), Numbers.grouped(param.max(), 4)));
            }
        }
        Provenance dates = dates(form.effectiveFrom(), form.checkedOn(), errors);
        errors.throwIfAny();
        PolicyValue row = new PolicyValue();
        row.param = param.key();
        row.value = Numbers.decimal(form.value());
        row.provenance(dates.effectiveFrom, form.source(), dates.checkedOn, actor);
        row.persist();
        return audited(CatalogRef.of(row), actor, row.effectiveFrom, Map.of("param", row.param, "value", plain(row.value),
                "source", row.source));
    }

    /** The day a catalog row (a {@link CatalogRef}) takes effect; 404 when there is no such row. */
    @Transactional(TxType.SUPPORTS)
    public LocalDate effectiveFrom(String ref) {
        String[] parts = ref.split(":");
        if (parts.length != 2 || !parts[1].matches("\\d{1,18}")) {
            throw new NotFoundException("There is no such catalog value.");
        }
        long id = Long.parseLong(parts[1]);
        Object row = switch (parts[0]) {
            case CatalogRef.MODEL_PRICE -> em.find(ModelPrice.class, id);
            case CatalogRef.GPU_PRICE -> em.find(GpuPrice.class, id);
            case CatalogRef.THROUGHPUT -> em.find(ServingThroughput.class, id);
            case CatalogRef.POLICY -> em.find(PolicyValue.class, id);
            default -> null;
        };
        if (row instanceof ModelPrice m) {
            return m.effectiveFrom;
        } else if (row instanceof GpuPrice g) {
            return g.effectiveFrom;
        } else if (row instanceof ServingThroughput t) {
            return t.effectiveFrom;
        } else if (row instanceof PolicyValue p) {
            return p.effectiveFrom;
        }
        throw new NotFoundException("There is no such catalog value.");
    }

    /** A catalog row (a {@link CatalogRef}) in words. */
    @Transactional(TxType.SUPPORTS)
    public String describe(String ref) {
        String[] parts = ref.split(":");
        long id = Long.parseLong(parts[1]);
        return switch (parts[0]) {
            case CatalogRef.MODEL_PRICE -> {
                ModelPrice m = em.find(ModelPrice.class, id);
                yield String.format("%s %s: $%s in / $%s out per 1M tokens", m.provider, m.model, plain(m.inputUsdPerMTok),
                        plain(m.outputUsdPerMTok));
            }
            case CatalogRef.GPU_PRICE -> {
                GpuPrice g = em.find(GpuPrice.class, id);
                yield String.format("%s: $%s per GPU-hour", g.gpu, plain(g.usdPerHour));
            }
            case CatalogRef.THROUGHPUT -> {
                ServingThroughput t = em.find(ServingThroughput.class, id);
                yield t.twoRates()
                        ? String.format("%s on %d× %s%s: %s prefill / %s decode tokens/s, %s (%s)", t.model, t.gpusPerReplica, t.gpu,
                                t.precision == null ? "" : " " + t.precision, plain(t.prefillTokensPerSecond),
                                plain(t.decodeTokensPerSecond), t.latency(), t.provenance())
                        : String.format("%s on %d× %s: %s tokens/s", t.model, t.gpusPerReplica, t.gpu, plain(t.tokensPerSecond));
            }
            default -> {
                PolicyValue p = em.find(PolicyValue.class, id);
                yield String.format("%s = %s", p.param, plain(p.value));
            }
        };
    }

    private String audited(String ref, String actor, LocalDate effectiveFrom, Map<String, ?> values) {
        var event = audit.event(AuditAction.CATALOG_VALUE_ADDED, actor).on(AuditEntity.CATALOG, ref)
                .detail("effectiveFrom", effectiveFrom.toString());
        values.forEach(event::detail);
        event.record();
        // the decisions it may re-open are re-checked in the background once this commits
        rechecks.request(ref, actor);
        catalogChanged.fire(new CatalogChanged(actor, ref));
        return ref;
    }

    private record Provenance(LocalDate effectiveFrom, LocalDate checkedOn) {
    }

    private Provenance dates(String effectiveFrom, String checkedOn, FormErrors errors) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = Dates.parse("effectiveFrom", effectiveFrom, Dates.EARLIEST, Dates.Latest.on(today.plusYears(2)), errors);
        LocalDate checked = Dates.parse("checkedOn", checkedOn, Dates.EARLIEST, Dates.Latest.on(today), errors);
        return new Provenance(from, checked);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
