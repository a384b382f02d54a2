package org.hostingreview.pricing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;

/**
 * The catalog values in force on one day (for each key, the row with the latest {@code effectiveFrom} on or
 * before it), and how a proposal's models map onto them.
 *
 * <p>How values are chosen, where the framework is silent:
 * <ul>
 * <li>Model names match loosely: case, spaces, underscores, a vendor prefix ({@code meta-llama/}) and an
 * {@code -instruct} suffix are ignored; a candidate described as a fine-tune of a catalog model
 * ("our-ranker (llama-3.1-8b fine-tune)") is priced as that model.</li>
 * <li>Frontier: the incumbent's model when it is a frontier model in the catalog (same provider preferred),
 * otherwise gpt-4.1 as the reference frontier model.</li>
 * <li>Hosted-open: a hosted-open incumbent at its own provider; otherwise the first candidate with a catalog price, at
 * the provider the proposal names for it, else the one the team ran it on (Q3), else the cheapest for this workload's
 * input/output mix.</li>
 * <li>Self-hosted: that model's serving rows measured at or under the proposal's latency targets (time to first
 * token, inter-token latency; the catalog's defaults when it states none), and among them the one with the lowest GPU
 * cost for this workload's input/output mix.</li>
 * </ul>
 * Every fallback adds a note that the proposal page shows.
 */
public final class CatalogSnapshot {

    static final String REFERENCE_FRONTIER = "gpt-4.1";
    static final String REFERENCE_OPEN = "llama-3-70b";

    private final LocalDate asOf;
    private final List<ModelPrice> modelPrices;
    private final List<GpuPrice> gpuPrices;
    private final List<ServingThroughput> throughputs;
    private final List<PolicyValue> policies;
    /**
     * Each row's model name as {@link #normalize} gives it, worked out once: a snapshot is kept and resolved for every
     * costing, and normalizing every row's name on each was a tenth of an API estimate's CPU (async-profiler).
     */
    private final Map<Object, String> models = new IdentityHashMap<>();

    CatalogSnapshot(LocalDate asOf, List<ModelPrice> modelPrices, List<GpuPrice> gpuPrices, List<ServingThroughput> throughputs,
            List<PolicyValue> policies) {
        this.asOf = asOf;
        this.modelPrices = inForce(modelPrices, p -> p.provider.toLowerCase(Locale.ROOT) + "|" + normalize(p.model),
                p -> p.effectiveFrom, p -> p.id, asOf);
        this.gpuPrices = inForce(gpuPrices, g -> g.gpu.toLowerCase(Locale.ROOT), g -> g.effectiveFrom, g -> g.id, asOf);
        this.throughputs = inForce(throughputs, ServingThroughput::key, t -> t.effectiveFrom, t -> t.id, asOf);
        this.policies = inForce(policies, p -> p.param, p -> p.effectiveFrom, p -> p.id, asOf);
        this.modelPrices.forEach(p -> models.put(p, normalize(p.model)));
        this.throughputs.forEach(t -> models.put(t, normalize(t.model)));
    }

    /** A row's normalized model name. */
    private String model(ModelPrice p) {
        String name = models.get(p);
        return name != null ? name : normalize(p.model);
    }

    private String model(ServingThroughput t) {
        String name = models.get(t);
        return name != null ? name : normalize(t.model);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public List<ModelPrice> modelPrices() {
        return modelPrices;
    }

    public List<GpuPrice> gpuPrices() {
        return gpuPrices;
    }

    public List<ServingThroughput> throughputs() {
        return throughputs;
    }

    public List<PolicyValue> policies() {
        return policies;
    }

    /** What a proposal is priced on: its models and workload mix. */
    public record Request(String incumbentProvider, String incumbentModel, Tier incumbentTier, List<String> candidates,
            String hostedOpenProvider, long inputTokens, long outputTokens, double cachedShare, Integer ttftTargetMs,
            Integer itlTargetMs, String candidateProvider) {
    }

    /** The catalog rows chosen for a proposal, and the notes about any stand-ins. */
    public record Resolution(Assumptions assumptions, ModelPrice frontier, ModelPrice hostedOpen, ServingThroughput serving,
            GpuPrice gpu, List<String> notes) {
    }

    public Resolution resolve(Request request) {
        List<String> notes = new ArrayList<>();
        Assumptions a = Assumptions.defaults(asOf);
        for (PolicyValue policy : policies) {
            Optional<Param> param = Param.byKey(policy.param);
            if (param.isPresent()) {
                a = a.with(param.get(), policy.value.doubleValue(),
                        ValueSource.catalog(CatalogRef.of(policy), "policy " + policy.param, policy.source, policy.checkedOn));
            }
        }
        ModelPrice frontier = frontier(request, notes);
        if (frontier != null) {
            a = priced(a, frontier, Param.FRONTIER_INPUT, Param.FRONTIER_OUTPUT, Param.FRONTIER_CACHED_INPUT,
                    Param.FRONTIER_BATCH_INPUT, Param.FRONTIER_BATCH_OUTPUT, Param.FRONTIER_CACHE_WRITE);
        }
        ModelPrice open = hostedOpen(request, notes);
        if (open != null) {
            a = priced(a, open, Param.HOSTED_OPEN_INPUT, Param.HOSTED_OPEN_OUTPUT, Param.HOSTED_OPEN_CACHED_INPUT,
                    Param.HOSTED_OPEN_BATCH_INPUT, Param.HOSTED_OPEN_BATCH_OUTPUT, Param.HOSTED_OPEN_CACHE_WRITE);
        }
        // self-hosting runs the candidate the open tiers are judged on; with a hosted-open incumbent, the best candidate
        String servedModel = request.incumbentTier() == Tier.HOSTED_OPEN && !request.candidates().isEmpty()
                ? request.candidates().get(0) : open != null ? open.model : REFERENCE_OPEN;
        int ttft = request.ttftTargetMs() != null ? request.ttftTargetMs() : (int) a.get(Param.TTFT_TARGET_DEFAULT);
        int itl = request.itlTargetMs() != null ? request.itlTargetMs() : (int) a.get(Param.ITL_TARGET_DEFAULT);
        ServingThroughput serving = serving(servedModel, request, ttft, itl, notes);
        GpuPrice gpu = serving == null ? null : gpu(serving.gpu);
        if (serving != null && gpu != null) {
            String describes = serving.model + " on " + serving.gpusPerReplica + "× " + serving.gpu
                    + (serving.precision == null ? "" : " " + serving.precision) + ", " + serving.latency() + " ("
                    + serving.provenance() + ")";
            ValueSource servingSource = ValueSource.catalog(CatalogRef.of(serving), describes, serving.source, serving.checkedOn);
            if (serving.twoRates()) {
                a = a.with(Param.PREFILL_TOKENS_PER_SECOND, serving.prefillTokensPerSecond.doubleValue(), servingSource)
                        .with(Param.DECODE_TOKENS_PER_SECOND, serving.decodeTokensPerSecond.doubleValue(), servingSource);
            } else {
                a = a.with(Param.REPLICA_TOKENS_PER_SECOND, serving.tokensPerSecond.doubleValue(), servingSource);
                notes.add("The catalog has one blended rate for " + serving.model + " on " + serving.gpu
                        + " (input and output alike, no latency target): self-hosting is sized on it. Add prefill and decode rates"
                        + " measured at a latency target for a sound figure.");
            }
            a = a.with(Param.GPUS_PER_REPLICA, serving.gpusPerReplica, servingSource)
                    .with(Param.GPU_USD_PER_HOUR, gpu.usdPerHour.doubleValue(),
                            ValueSource.catalog(CatalogRef.of(gpu), gpu.gpu, gpu.source, gpu.checkedOn));
        }
        return new Resolution(a, frontier, open, serving, gpu, notes);
    }

    /** A tier's prices from one row, every mode; a mode the provider does not offer is billed at the standard price. */
    private static Assumptions priced(Assumptions a, ModelPrice row, Param input, Param output, Param cachedInput, Param batchInput,
            Param batchOutput, Param cacheWrite) {
        ValueSource source = source(row, row.provider + " " + row.model + " (" + row.basis().label() + ")");
        double in = row.inputUsdPerMTok.doubleValue();
        double out = row.outputUsdPerMTok.doubleValue();
        return a.with(input, in, source).with(output, out, source).with(cachedInput, cached(row), source)
                .with(batchInput, row.batchInputUsdPerMTok == null ? in : row.batchInputUsdPerMTok.doubleValue(), source)
                .with(batchOutput, row.batchOutputUsdPerMTok == null ? out : row.batchOutputUsdPerMTok.doubleValue(), source)
                .with(cacheWrite, row.cacheWriteUsdPerMTok == null ? in : row.cacheWriteUsdPerMTok.doubleValue(), source);
    }

    private ModelPrice frontier(Request request, List<String> notes) {
        List<ModelPrice> frontierRows = modelPrices.stream().filter(p -> p.tier == Tier.FRONTIER_CLOSED).toList();
        if (request.incumbentTier() == Tier.FRONTIER_CLOSED) {
            List<ModelPrice> matches = matching(frontierRows, request.incumbentModel());
            Optional<ModelPrice> sameProvider = matches.stream()
                    .filter(p -> p.provider.equalsIgnoreCase(String.valueOf(request.incumbentProvider()).strip())).findFirst();
            if (sameProvider.isPresent()) {
                return closest(request.incumbentModel(), sameProvider.get(), notes);
            }
            if (!matches.isEmpty()) {
                return closest(request.incumbentModel(), matches.get(0), notes);
            }
            notes.add("No catalog price for the incumbent model “" + request.incumbentModel() + "”: the frontier tier uses "
                    + REFERENCE_FRONTIER + "'s price. Add the model under Pricing for an exact figure.");
        } else {
            notes.add("The feature does not run on a frontier API today: the frontier tier is priced as "
                    + REFERENCE_FRONTIER + ".");
        }
        return matching(frontierRows, REFERENCE_FRONTIER).stream().findFirst().orElse(null);
    }

    private ModelPrice hostedOpen(Request request, List<String> notes) {
        List<ModelPrice> openRows = modelPrices.stream().filter(p -> p.tier == Tier.HOSTED_OPEN).toList();
        List<String> candidates = new ArrayList<>(request.candidates());
        if (request.incumbentTier() == Tier.HOSTED_OPEN && request.incumbentModel() != null) {
            candidates.add(0, request.incumbentModel());
        }
        for (int i = 0; i < candidates.size(); i++) {
            String candidate = candidates.get(i);
            List<ModelPrice> rows = matching(openRows, candidate);
            if (rows.isEmpty()) {
                continue;
            }
            boolean incumbent = i == 0 && request.incumbentTier() == Tier.HOSTED_OPEN && request.incumbentModel() != null;
            // the incumbent is priced at its own provider; a candidate at the one the proposal names, else where it was tried
            String provider = incumbent ? request.incumbentProvider()
                    : request.candidateProvider() != null && !request.candidateProvider().isBlank() ? request.candidateProvider()
                    : request.hostedOpenProvider();
            if (provider != null && !provider.isBlank()) {
                Optional<ModelPrice> named = rows.stream().filter(p -> p.provider.equalsIgnoreCase(provider.strip())).findFirst();
                if (named.isPresent()) {
                    return closest(candidate, named.get(), notes);
                }
                notes.add("No catalog price for " + candidate + " at " + provider.strip() + ": the hosted-open tier uses the"
                        + " cheapest provider of it in the catalog.");
            }
            return closest(candidate, rows.stream().min(Comparator.comparingDouble(p -> blended(p, request))).orElseThrow(), notes);
        }
        notes.add("No catalog price for the candidate model(s) " + String.join(", ", request.candidates())
                + ": the open tiers use " + REFERENCE_OPEN + " as a stand-in.");
        return matching(openRows, REFERENCE_OPEN).stream().min(Comparator.comparingDouble(p -> blended(p, request))).orElse(null);
    }

    /**
     * The serving row a proposal is sized on: among the model's two-rate rows measured at or under both latency
     * targets, the one with the lowest GPU cost for this workload's mix; when none meets the targets, the tightest
     * row (with a note); rows with one blended rate only when the model has no two-rate row at all.
     */
    private ServingThroughput serving(String model, Request request, int ttft, int itl, List<String> notes) {
        List<ServingThroughput> rows = servable(model);
        if (rows.isEmpty()) {
            notes.add("No serving throughput for " + model + " in the catalog: self-hosting is sized like "
                    + REFERENCE_OPEN + ".");
            rows = servable(REFERENCE_OPEN);
        }
        List<ServingThroughput> twoRates = rows.stream().filter(ServingThroughput::twoRates).toList();
        if (twoRates.isEmpty()) {
            return rows.stream().min(Comparator.comparingDouble(
                    t -> t.gpusPerReplica * gpu(t.gpu).usdPerHour.doubleValue() / t.tokensPerSecond.doubleValue())).orElse(null);
        }
        List<ServingThroughput> meeting = twoRates.stream().filter(t -> meets(t, ttft, itl)).toList();
        if (!meeting.isEmpty()) {
            return meeting.stream().min(Comparator.comparingDouble(t -> gpuCostPerRequest(t, request))).orElseThrow();
        }
        ServingThroughput tightest = twoRates.stream().min(Comparator
                .comparing((ServingThroughput t) -> t.ttftMs == null ? Integer.MAX_VALUE : t.ttftMs)
                .thenComparing(t -> t.itlMs == null ? Integer.MAX_VALUE : t.itlMs)).orElseThrow();
        notes.add(String.format("No rate for %s was measured at or under a time to first token of %,d ms and an inter-token"
                + " latency of %,d ms: self-hosting is sized on the tightest in the catalog (%s), which overstates what a"
                + " replica serves at the target.", model, ttft, itl, tightest.latency()));
        return tightest;
    }

    private List<ServingThroughput> servable(String model) {
        String wanted = normalize(model);
        return throughputs.stream().filter(t -> model(t).equals(wanted)).filter(t -> gpu(t.gpu) != null).toList();
    }

    static boolean meets(ServingThroughput t, int ttft, int itl) {
        return t.ttftMs != null && t.ttftMs <= ttft && t.itlMs != null && t.itlMs <= itl;
    }

    /** GPU dollars per hour of replica time one request needs: the larger of its prefill and decode time. */
    private double gpuCostPerRequest(ServingThroughput t, Request r) {
        double prefill = r.inputTokens() * (1 - r.cachedShare()) / t.prefillTokensPerSecond.doubleValue();
        double decode = r.outputTokens() / t.decodeTokensPerSecond.doubleValue();
        return t.gpusPerReplica * gpu(t.gpu).usdPerHour.doubleValue() * Math.max(prefill, decode);
    }

    private GpuPrice gpu(String name) {
        return gpuPrices.stream().filter(g -> g.gpu.equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** The row, with a note when it matched the typed name only loosely (so the page says what was priced). */
    private ModelPrice closest(String typed, ModelPrice row, List<String> notes) {
        if (typed != null && !model(row).equals(normalize(typed))) {
            notes.add("“" + typed.strip() + "” is priced as " + row.model + " (" + row.provider + "), the closest catalog entry.");
        }
        return row;
    }

    /** Rows whose model is the given name, or whose model the name mentions (a described fine-tune). */
    List<ModelPrice> matching(List<ModelPrice> rows, String name) {
        String wanted = normalize(name);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<ModelPrice> exact = rows.stream().filter(p -> model(p).equals(wanted)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return rows.stream().filter(p -> wanted.contains(model(p)))
                .sorted(Comparator.comparingInt((ModelPrice p) -> -p.model.length())).toList();
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");
    private static final Pattern VARIANT = Pattern.compile("-(instruct|chat)\\b");

    static String normalize(String model) {
        if (model == null) {
            return "";
        }
        String name = model.strip().toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        if (slash >= 0 && !name.contains("(")) {
            name = name.substring(slash + 1);
        }
        return VARIANT.matcher(SEPARATORS.matcher(name).replaceAll("-")).replaceAll("");
    }

    private static double blended(ModelPrice p, Request r) {
        double cachedPrice = cached(p);
        return r.inputTokens() * (1 - r.cachedShare()) * p.inputUsdPerMTok.doubleValue() + r.inputTokens() * r.cachedShare() * cachedPrice
                + r.outputTokens() * p.outputUsdPerMTok.doubleValue();
    }

    private static double cached(ModelPrice p) {
        return (p.cachedInputUsdPerMTok != null ? p.cachedInputUsdPerMTok : p.inputUsdPerMTok).doubleValue();
    }

    private static ValueSource source(ModelPrice p, String describes) {
        return ValueSource.catalog(CatalogRef.of(p), describes, p.source, p.checkedOn);
    }

    private static <T> List<T> inForce(List<T> rows, Function<T, String> key, Function<T, LocalDate> from, Function<T, Long> id,
            LocalDate asOf) {
        Map<String, T> latest = new LinkedHashMap<>();
        rows.stream().filter(row -> !from.apply(row).isAfter(asOf))
                .sorted(Comparator.comparing(from).thenComparing(id).reversed())
                .forEach(row -> latest.putIfAbsent(key.apply(row), row));
        return List.copyOf(latest.values());
    }
}
