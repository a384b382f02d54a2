package org.hostingreview.costmodel;

import java.util.Locale;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The framework's cost model, plain Java: the all-in monthly cost of each tier for a workload, line item by
 * line item, and the up-front cost of moving there.
 *
 * <p>Decisions where the framework is silent:
 * <ul>
 * <li>Cached input is billed at the cached price; a catalog without one bills it at the input price.</li>
 * <li>Moving to a per-token tier costs the migration effort (engineer-weeks × loaded weekly cost) up front;
 * moving to self-hosted costs the serving-stack and eval build (engineer-months × loaded monthly cost),
 * which includes its migration. The incumbent's own tier has no up-front cost.</li>
 * <li>Staff: the required ML-ops FTEs at the loaded cost. Existing engineers (Q2) are credited only when the
 * {@code creditExistingMlOps} assumption is 1, and the line item then says so.</li>
 * <li>GPUs are reserved capacity: every replica, spare included, is billed 730 hours a month.</li>
 * </ul>
 */
public final class CostModel {

    public static final String USAGE = "Token usage";
    public static final String GPUS = "GPUs";
    public static final String STAFF = "ML-ops staff";
    public static final String UPGRADES = "Model upgrades";
    public static final String TOOLING = "Tooling and observability";
    public static final String MIGRATION = "Migration";
    public static final String BUILD = "Serving stack and eval build";

    private CostModel() {
    }

    /** Every tier's cost for the workload; {@code existingMlOps} is the team's Q2 answer (null when unknown). */
    public static Map<Tier, TierCost> costs(Workload workload, Assumptions a, Tier incumbent, Integer existingMlOps) {
        Map<Tier, TierCost> costs = new EnumMap<>(Tier.class);
        costs.put(Tier.FRONTIER_CLOSED, perToken(Tier.FRONTIER_CLOSED, workload, a, incumbent));
        costs.put(Tier.HOSTED_OPEN, perToken(Tier.HOSTED_OPEN, workload, a, incumbent));
        costs.put(Tier.SELF_HOSTED, selfHosted(workload, a, incumbent, existingMlOps));
        return costs;
    }

    /** Monthly cost only, without line items: the hot path of the break-even search and the chart. */
    public static double monthly(Tier tier, Workload workload, Assumptions a, Integer existingMlOps) {
        return switch (tier) {
            case FRONTIER_CLOSED, HOSTED_OPEN -> usage(tier, workload, a);
            case SELF_HOSTED -> selfHostedForNeeded(SelfHostedCapacity.plan(workload, a).neededReplicas(), a, existingMlOps);
        };
    }

    /**
     * Self-hosting's monthly cost when the peak needs {@code needed} replicas: the fleet with its spares and minimum, the
     * staff a fleet of that size needs, upgrades and tooling. The break-even search walks the staircase with it.
     */
    static double selfHostedForNeeded(long needed, Assumptions a, Integer existingMlOps) {
        return selfHostedCurve(a, existingMlOps).applyAsDouble(needed);
    }

    /**
     * {@link #selfHostedForNeeded} as a function of the replicas needed, its fixed parts worked out once: the break-even
     * search evaluates it at many replica counts.
     */
    static java.util.function.LongToDoubleFunction selfHostedCurve(Assumptions a, Integer existingMlOps) {
        double fixed = selfHostedFixed(a, existingMlOps);
        double perGpu = GpuProcurement.usdPerGpuMonth(a);
        double fixedStaff = staffFtes(a, existingMlOps);
        double engineerMonth = a.engineerMonthUsd();
        return needed -> {
            long gpus = SelfHostedCapacity.gpus(SelfHostedCapacity.replicas(needed, a), a);
            return fixed + gpus * perGpu + (staffFtes(a, existingMlOps, gpus) - fixedStaff) * engineerMonth;
        };
    }

    /**
     * The steps (replicas needed) from which {@link #selfHostedForNeeded} may grow at another rate: where the minimum
     * replica count stops holding, and where the fleet starts needing more engineers than the staffing minimum.
     */
    static long[] selfHostedKinks(Assumptions a, Integer existingMlOps) {
        long spare = (long) a.get(Param.SPARE_REPLICAS);
        long min = (long) a.get(Param.MIN_REPLICAS);
        double minimumStaff = requiredFtes(a, 0);
        double credited = a.get(Param.CREDIT_EXISTING_ML_OPS) >= 1 && existingMlOps != null ? existingMlOps : 0;
        double staffReplicas = Math.max(minimumStaff, credited) * a.get(Param.GPUS_PER_ENGINEER) / a.get(Param.GPUS_PER_REPLICA);
        long staffStep = staffReplicas >= Long.MAX_VALUE / 8 ? Long.MAX_VALUE / 8 : (long) Math.floor(staffReplicas);
        // the fleet needs more engineers from the first whole replica count above staffReplicas; one more kink guards
        // against staffReplicas sitting a rounding error off a whole number
        return new long[] {min - spare + 1, staffStep - spare + 1, staffStep - spare + 2};
    }

    static TierCost perToken(Tier tier, Workload workload, Assumptions a, Tier incumbent) {
        double usage = usage(tier, workload, a);
        Prices p = Prices.of(tier, a);
        Supplier<String> detail = () -> String.format(Locale.US, "%,d requests × (%,d in × $%s + %,d out × $%s per 1M tokens)%s%s%s",
                workload.requestsPerMonth(), workload.inputTokensPerRequest(), money(p.input),
                workload.outputTokensPerRequest(), money(p.output),
                workload.cachedInputShare() > 0 ? String.format(Locale.US, ", %.0f%% of input cached at $%s", 100 * workload.cachedInputShare(),
                        money(p.cached)) : "",
                a.get(Param.CACHE_WRITE_SHARE) > 0 ? String.format(Locale.US, ", %.0f%% of uncached input written to the cache at $%s",
                        100 * a.get(Param.CACHE_WRITE_SHARE), money(p.cacheWrite)) : "",
                a.get(Param.BATCH_SHARE) > 0 ? String.format(Locale.US, ", %.0f%% of requests through the batch API at $%s in / $%s out",
                        100 * a.get(Param.BATCH_SHARE), money(p.batchInput), money(p.batchOutput)) : "");
        List<LineItem> upfront = new ArrayList<>();
        double monthsToTraffic = 0;
        if (tier != incumbent) {
            double weeks = a.get(Param.MIGRATION_WEEKS);
            // engineer-weeks of one engineer: as many calendar weeks before the traffic moves
            monthsToTraffic = weeks * 7 / 365.0 * 12;
            upfront.add(new LineItem(MIGRATION, weeks * a.engineerWeekUsd(),
                    () -> String.format(Locale.US, "%s engineer-weeks × $%,.0f; traffic moves after about %s", trim(weeks),
                            a.engineerWeekUsd(), Text.duration(weeks * 7 / 365.0 * 12))));
        }
        // billed per token, the traffic moves rather than runs twice: no double-running cost
        return new TierCost(tier, usage, List.of(new LineItem(USAGE, usage, detail)), sum(upfront), upfront, null, monthsToTraffic, 0);
    }

    static TierCost selfHosted(Workload workload, Assumptions a, Tier incumbent, Integer existingMlOps) {
        SelfHostedCapacity capacity = SelfHostedCapacity.plan(workload, a);
        List<LineItem> gpuLines = GpuProcurement.lines(capacity.gpus(), a);
        double ftes = staffFtes(a, existingMlOps, capacity.gpus());
        double staff = ftes * a.engineerMonthUsd();
        double upgrades = a.get(Param.UPGRADE_EFFORT) * a.engineerMonthUsd() / a.get(Param.UPGRADE_CADENCE);
        double tooling = a.get(Param.TOOLING);
        List<LineItem> items = new ArrayList<>();
        items.add(new LineItem(GPUS, gpuLines.get(0).monthlyCost(), () -> gpuDetail(capacity, a)));
        items.addAll(gpuLines.subList(1, gpuLines.size()));
        items.add(new LineItem(STAFF, staff, () -> staffDetail(a, existingMlOps, capacity.gpus(), ftes)));
        items.add(new LineItem(UPGRADES, upgrades, () -> String.format(Locale.US, "%s engineer-months every %s months",
                trim(a.get(Param.UPGRADE_EFFORT)), trim(a.get(Param.UPGRADE_CADENCE)))));
        items.add(new LineItem(TOOLING, tooling, () -> "flat monthly figure"));
        List<LineItem> upfront = new ArrayList<>();
        double monthsToTraffic = 0;
        double doubleRunning = 0;
        if (incumbent != Tier.SELF_HOSTED) {
            double months = a.get(Param.BUILD_EFFORT);
            monthsToTraffic = a.get(Param.BUILD_CALENDAR);
            double gpuMonthly = gpuCost(capacity.gpus(), a);
            doubleRunning = a.get(Param.SHADOW_MONTHS) * gpuMonthly;
            double shadow = doubleRunning;
            upfront.add(new LineItem(BUILD, months * a.engineerMonthUsd(), () -> String.format(Locale.US,
                    "%s engineer-months × $%,.0f; about %s to first production traffic, then %s of the fleet "
                            + "(%s) running beside the incumbent before the cut-over", trim(months), a.engineerMonthUsd(),
                    Text.duration(a.get(Param.BUILD_CALENDAR)), Text.months(a.get(Param.SHADOW_MONTHS)), Text.usd(shadow))));
        }
        return new TierCost(Tier.SELF_HOSTED, sum(items), List.copyOf(items), sum(upfront), upfront, capacity, monthsToTraffic,
                doubleRunning);
    }

    private static String staffDetail(Assumptions a, Integer existingMlOps, long gpus, double ftes) {
        double required = requiredFtes(a, gpus);
        List<String> why = new ArrayList<>();
        why.add("policy minimum " + trim(a.get(Param.ML_OPS_FTES)));
        if (a.get(Param.SUPPORT_24X7) >= 1) {
            why.add("24×7 on-call minimum " + trim(a.get(Param.ON_CALL_FTES)));
        }
        why.add(String.format(Locale.US, "%s ÷ %s per engineer = %s", Text.count(gpus, "GPU"), trim(a.get(Param.GPUS_PER_ENGINEER)),
                trim(Math.round(gpus / a.get(Param.GPUS_PER_ENGINEER) * 10) / 10.0)));
        return String.format(Locale.US, "%s FTEs × $%,.0f/year ÷ 12 (the largest of: %s)%s", trim(Math.round(ftes * 10) / 10.0), a.get(Param.ENGINEER_USD_PER_YEAR),
                String.join(", ", why), ftes < required ? String.format(Locale.US, "; %s required, existing engineers credited", trim(required)) : "");
    }

    /**
     * R·(i·(1−c)·(1−w)·p_in' + i·(1−c)·w·p_write + i·c·p_cached + o·p_out') ÷ 1e6, where a share {@code b} of requests
     * goes through the batch API: p_in' = (1−b)·p_in + b·p_batch_in, likewise for output; {@code w} is the share of
     * uncached input written to the prompt cache.
     */
    static double usage(Tier tier, Workload w, Assumptions a) {
        Prices p = Prices.of(tier, a);
        double input = w.inputTokensPerRequest();
        double batch = a.get(Param.BATCH_SHARE);
        double writes = a.get(Param.CACHE_WRITE_SHARE);
        double uncached = input * (1 - w.cachedInputShare());
        double inputPrice = (1 - batch) * p.input + batch * p.batchInput;
        double outputPrice = (1 - batch) * p.output + batch * p.batchOutput;
        return w.requestsPerMonth() * (uncached * (1 - writes) * inputPrice + uncached * writes * p.cacheWrite
                + input * w.cachedInputShare() * p.cached + w.outputTokensPerRequest() * outputPrice) / 1e6;
    }

    private static String gpuDetail(SelfHostedCapacity c, Assumptions a) {
        String need = c.binds() == SelfHostedCapacity.Binding.BLENDED
                ? String.format(Locale.US, "%d for a peak of %,.0f tokens/s at one blended %,.0f tokens/s per replica after headroom", c.neededReplicas(),
                        c.peakTokensPerSecond(), a.get(Param.REPLICA_TOKENS_PER_SECOND) * a.get(Param.HEADROOM))
                : String.format(Locale.US, "%d for the peak: %,.0f input tokens/s to prefill ÷ %,.0f per replica = %.2f, "
                        + "%,.0f output tokens/s to decode ÷ %,.0f per replica = %.2f; %s binds", c.neededReplicas(),
                        c.peakPrefillTokensPerSecond(), a.get(Param.PREFILL_TOKENS_PER_SECOND) * a.get(Param.HEADROOM),
                        c.inputBoundReplicas(), c.peakDecodeTokensPerSecond(), a.get(Param.DECODE_TOKENS_PER_SECOND) * a.get(Param.HEADROOM),
                        c.outputBoundReplicas(), c.binds().label());
        return String.format(Locale.US, "%s (%s; +%d spare) × %s %s", Text.count(c.replicas(), "replica"), need, c.spareReplicas(),
                Text.count(a.get(Param.GPUS_PER_REPLICA), "GPU"), GpuProcurement.pricing(a));
    }

    /** Every GPU line of the fleet together (rent, or depreciation, power and colocation). */
    static double gpuCost(long gpus, Assumptions a) {
        return gpus * GpuProcurement.usdPerGpuMonth(a);
    }

    /** FTEs to run the service: the policy minimum, the on-call minimum when 24×7 is required, the fleet's need. */
    public static double requiredFtes(Assumptions a, long gpus) {
        double required = a.get(Param.ML_OPS_FTES);
        if (a.get(Param.SUPPORT_24X7) >= 1) {
            required = Math.max(required, a.get(Param.ON_CALL_FTES));
        }
        return Math.max(required, gpus / a.get(Param.GPUS_PER_ENGINEER));
    }

    static double staffFtes(Assumptions a, Integer existingMlOps, long gpus) {
        double required = requiredFtes(a, gpus);
        if (a.get(Param.CREDIT_EXISTING_ML_OPS) >= 1 && existingMlOps != null) {
            return Math.max(0, required - existingMlOps);
        }
        return required;
    }

    /** The staff that does not grow with the fleet: the policy and on-call minimums, existing engineers credited. */
    static double staffFtes(Assumptions a, Integer existingMlOps) {
        return staffFtes(a, existingMlOps, 0);
    }

    /**
     * The self-hosted costs that do not depend on volume: staff at the policy and on-call minimums, upgrades, tooling.
     * Engineers a large fleet needs beyond them (GPUs per engineer) grow with volume and are not in it.
     */
    static double selfHostedFixed(Assumptions a, Integer existingMlOps) {
        return staffFtes(a, existingMlOps) * a.engineerMonthUsd()
                + a.get(Param.UPGRADE_EFFORT) * a.engineerMonthUsd() / a.get(Param.UPGRADE_CADENCE) + a.get(Param.TOOLING);
    }

    private static double sum(List<LineItem> items) {
        return items.stream().mapToDouble(LineItem::monthlyCost).sum();
    }

    private static String money(double value) {
        return trim(Math.round(value * 10000) / 10000.0);
    }

    private static String trim(double value) {
        return Text.number(value);
    }

    private record Prices(double input, double output, double cached, double batchInput, double batchOutput, double cacheWrite) {
        static Prices of(Tier tier, Assumptions a) {
            return tier == Tier.FRONTIER_CLOSED
                    ? new Prices(a.get(Param.FRONTIER_INPUT), a.get(Param.FRONTIER_OUTPUT), a.get(Param.FRONTIER_CACHED_INPUT),
                            a.get(Param.FRONTIER_BATCH_INPUT), a.get(Param.FRONTIER_BATCH_OUTPUT), a.get(Param.FRONTIER_CACHE_WRITE))
                    : new Prices(a.get(Param.HOSTED_OPEN_INPUT), a.get(Param.HOSTED_OPEN_OUTPUT), a.get(Param.HOSTED_OPEN_CACHED_INPUT),
                            a.get(Param.HOSTED_OPEN_BATCH_INPUT), a.get(Param.HOSTED_OPEN_BATCH_OUTPUT),
                            a.get(Param.HOSTED_OPEN_CACHE_WRITE));
        }
    }
}
