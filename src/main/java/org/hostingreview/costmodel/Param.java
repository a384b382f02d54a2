package org.hostingreview.costmodel;

import java.util.Locale;
import java.util.Optional;

/**
 * Every number the cost model and the rules read that is not part of the proposal itself: prices,
 * capacity, staffing and policy defaults, and the rules' thresholds. Each has the stable name used by the
 * pricing catalog, the estimate API's {@code assumptions} object and the what-if form, a unit, a default
 * (the framework's), and the range a value may take.
 */
public enum Param {
    FRONTIER_INPUT("frontierInputUsdPerMTok", Group.PRICE, "Frontier input price", "USD / 1M tokens", 2.0, 0, 1000),
    FRONTIER_OUTPUT("frontierOutputUsdPerMTok", Group.PRICE, "Frontier output price", "USD / 1M tokens", 8.0, 0, 1000),
    FRONTIER_CACHED_INPUT("frontierCachedInputUsdPerMTok", Group.PRICE, "Frontier cached-input price", "USD / 1M tokens", 0.5, 0, 1000),
    HOSTED_OPEN_INPUT("hostedOpenInputUsdPerMTok", Group.PRICE, "Hosted-open input price", "USD / 1M tokens", 0.28, 0, 1000),
    HOSTED_OPEN_OUTPUT("hostedOpenOutputUsdPerMTok", Group.PRICE, "Hosted-open output price", "USD / 1M tokens", 0.28, 0, 1000),
    HOSTED_OPEN_CACHED_INPUT("hostedOpenCachedInputUsdPerMTok", Group.PRICE, "Hosted-open cached-input price", "USD / 1M tokens", 0.28, 0, 1000),
    FRONTIER_BATCH_INPUT("frontierBatchInputUsdPerMTok", Group.PRICE, "Frontier batch input price", "USD / 1M tokens", 1.0, 0, 1000),
    FRONTIER_BATCH_OUTPUT("frontierBatchOutputUsdPerMTok", Group.PRICE, "Frontier batch output price", "USD / 1M tokens", 4.0, 0, 1000),
    FRONTIER_CACHE_WRITE("frontierCacheWriteUsdPerMTok", Group.PRICE, "Frontier cache-write price", "USD / 1M tokens", 2.0, 0, 1000),
    HOSTED_OPEN_BATCH_INPUT("hostedOpenBatchInputUsdPerMTok", Group.PRICE, "Hosted-open batch input price", "USD / 1M tokens", 0.28, 0, 1000),
    HOSTED_OPEN_BATCH_OUTPUT("hostedOpenBatchOutputUsdPerMTok", Group.PRICE, "Hosted-open batch output price", "USD / 1M tokens", 0.28, 0, 1000),
    HOSTED_OPEN_CACHE_WRITE("hostedOpenCacheWriteUsdPerMTok", Group.PRICE, "Hosted-open cache-write price", "USD / 1M tokens", 0.28, 0, 1000),
    BATCH_SHARE("batchShare", Group.PRICE, "Share of requests sent through a batch API", "share", 0, 0, 1),
    CACHE_WRITE_SHARE("cacheWriteShare", Group.PRICE, "Share of uncached input written to the prompt cache", "share", 0, 0, 1),
    GPU_USD_PER_HOUR("gpuUsdPerHour", Group.CAPACITY, "GPU price", "USD / GPU-hour", 2.74, 0.01, 1000),
    GPUS_PER_REPLICA("gpusPerReplica", Group.CAPACITY, "GPUs per replica", "GPUs", 2, 1, 64),
    PREFILL_TOKENS_PER_SECOND("prefillTokensPerSecond", Group.CAPACITY, "Prefill throughput per replica", "input tokens / s", 14_000, 1, 10_000_000),
    DECODE_TOKENS_PER_SECOND("decodeTokensPerSecond", Group.CAPACITY, "Decode throughput per replica", "output tokens / s", 5_400, 1, 10_000_000),
    REPLICA_TOKENS_PER_SECOND("replicaTokensPerSecond", Group.CAPACITY, "One blended rate for input and output alike (0 = use prefill and decode)", "tokens / s", 0, 0, 10_000_000),
    TTFT_TARGET_DEFAULT("defaultTtftTargetMs", Group.CAPACITY, "Time-to-first-token target when the proposal states none", "ms", 2_000, 1, 600_000),
    ITL_TARGET_DEFAULT("defaultInterTokenTargetMs", Group.CAPACITY, "Inter-token latency target when the proposal states none", "ms", 200, 1, 10_000),
    GPU_PROCUREMENT("gpuProcurement", Group.CAPACITY, "GPU procurement (0 on demand, 1 one-year reserved, 3 three-year reserved, 4 purchased)", "code", 0, 0, 4),
    RESERVED_1Y_DISCOUNT("reserved1yDiscount", Group.CAPACITY, "1-year reserved discount off on-demand", "share", 0.35, 0, 0.95),
    RESERVED_3Y_DISCOUNT("reserved3yDiscount", Group.CAPACITY, "3-year reserved discount off on-demand", "share", 0.55, 0, 0.95),
    GPU_PURCHASE_USD("gpuPurchaseUsd", Group.CAPACITY, "Purchase price per GPU (server share included)", "USD", 35_000, 100, 10_000_000),
    DEPRECIATION_MONTHS("depreciationMonths", Group.CAPACITY, "Depreciation of purchased GPUs", "months", 48, 1, 240),
    GPU_POWER_KW("gpuPowerKw", Group.CAPACITY, "Power per GPU (server share included)", "kW", 1.275, 0, 100),
    PUE("pue", Group.CAPACITY, "Power usage effectiveness of the data centre", "ratio", 1.3, 1, 5),
    ELECTRICITY_USD_PER_KWH("electricityUsdPerKwh", Group.CAPACITY, "Electricity price", "USD / kWh", 0.12, 0, 10),
    COLOCATION_USD_PER_GPU_MONTH("colocationUsdPerGpuMonth", Group.CAPACITY, "Colocation per GPU", "USD / GPU-month", 200, 0, 100_000),
    SHADOW_MONTHS("shadowRunMonths", Group.CAPACITY, "Self-hosted fleet running beside the incumbent before cut-over", "months", 1, 0, 24),
    HEADROOM("headroom", Group.CAPACITY, "Planning headroom", "share of throughput used", 0.8, 0.05, 1),
    SPARE_REPLICAS("spareReplicas", Group.CAPACITY, "Spare replicas (N+k)", "replicas", 1, 0, 100),
    MIN_REPLICAS("minReplicas", Group.CAPACITY, "Minimum replicas", "replicas", 2, 1, 100),
    ML_OPS_FTES("mlOpsFtesRequired", Group.STAFFING, "ML-ops engineers required (policy minimum)", "FTEs", 2, 0, 100),
    SUPPORT_24X7("support24x7", Group.STAFFING, "24×7 support required", "0 = no, 1 = yes", 0, 0, 1),
    ON_CALL_FTES("onCallMinimumFtes", Group.STAFFING, "On-call minimum for 24×7 support", "FTEs", 4, 1, 100),
    GPUS_PER_ENGINEER("gpusPerEngineer", Group.STAFFING, "GPUs one engineer runs", "GPUs", 64, 1, 100_000),
    ENGINEER_USD_PER_YEAR("engineerUsdPerYear", Group.STAFFING, "Loaded engineer cost", "USD / year", 300_000, 10_000, 5_000_000),
    CREDIT_EXISTING_ML_OPS("creditExistingMlOps", Group.STAFFING, "Credit existing ML-ops engineers", "0 = no, 1 = yes", 0, 0, 1),
    UPGRADE_CADENCE("upgradeCadenceMonths", Group.STAFFING, "Upgrade cadence", "months", 6, 1, 60),
    UPGRADE_EFFORT("engineerMonthsPerUpgrade", Group.STAFFING, "Effort per upgrade", "engineer-months", 3, 0, 120),
    TOOLING("toolingUsdPerMonth", Group.STAFFING, "Tooling and observability", "USD / month", 500, 0, 10_000_000),
    BUILD_EFFORT("buildEngineerMonths", Group.STAFFING, "Serving-stack and eval build", "engineer-months", 12, 0, 1000),
    BUILD_CALENDAR("buildCalendarMonths", Group.STAFFING, "Time to first self-hosted traffic", "months", 6, 0, 60),
    MIGRATION_WEEKS("migrationEngineerWeeks", Group.STAFFING, "Migration to a hosted tier", "engineer-weeks", 4, 0, 520),
    HYPERSCALE_SPEND("hyperscaleSpendUsd", Group.THRESHOLD, "S2: frontier spend above", "USD / month", 50_000, 0, 1e12),
    HYPERSCALE_SHARE("hyperscaleSelfHostShare", Group.THRESHOLD, "S2: self-hosted below this share of it", "share", 0.30, 0, 1),
    UNDER_THRESHOLD("underThresholdUsd", Group.THRESHOLD, "H2: hosted spend below", "USD / month", 30_000, 0, 1e12),
    LATENCY_FLOOR("latencyFloorMs", Group.THRESHOLD, "S4: time to first token below", "ms", 100, 1, 100_000),
    BURSTY("burstyPeakToAverage", Group.THRESHOLD, "H5: peak-to-average at least", "ratio", 10, 1, 10_000),
    MEASURED_MONTHS("hostedOpenMonthsRequired", Group.THRESHOLD, "W1: hosted-open run at least", "months", 3, 0, 120),
    GPU_ONLY_FACTOR("gpuOnlyEstimateFactor", Group.THRESHOLD, "W4: own estimate within this multiple of GPUs", "×", 2, 1, 100),
    QUALITY_DROP("qualityDropBlock", Group.THRESHOLD, "B3: candidate below incumbent by at least", "share", 0.20, 0, 1),
    PAYBACK("paybackMonths", Group.THRESHOLD, "Moves must pay back within", "months", 12, 0, 600),
    PAYBACK_BROAD("paybackMonthsBroadCapabilities", Group.THRESHOLD, "… or, when H3 fires, within", "months", 6, 0, 600),
    EXCEPTION_BILL("hyperscaleBillUsdPerYear", Group.THRESHOLD, "X4: hosted bill at least", "USD / year", 5_000_000, 0, 1e13),
    EXCEPTION_SAVINGS("hyperscaleSavingsShare", Group.THRESHOLD, "X4: self-hosting saves at least", "share", 0.60, 0, 1),
    SPEND_MISMATCH("spendMismatchShare", Group.THRESHOLD, "Warn when stated and computed spend differ by more than", "share", 0.25, 0, 10),
    STALE_DAYS("priceMaxAgeDays", Group.THRESHOLD, "W6: prices older than", "days", 90, 1, 3650);

    /** What kind of value a parameter is; the catalog and the what-if form group by it. */
    public enum Group {
        PRICE("Token prices"), CAPACITY("GPUs and capacity"), STAFFING("Staffing and effort"), THRESHOLD("Rule thresholds");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String key;
    private final Group group;
    private final String label;
    private final String unit;
    private final double fallback;
    private final double min;
    private final double max;

    Param(String key, Group group, String label, String unit, double fallback, double min, double max) {
        this.key = key;
        this.group = group;
        this.label = label;
        this.unit = unit;
        this.fallback = fallback;
        this.min = min;
        this.max = max;
    }

    /** The stable name (API, catalog, what-if form). */
    public String key() {
        return key;
    }

    public Group group() {
        return group;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The framework's default, used when the catalog has no value. */
    public double fallback() {
        return fallback;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean accepts(double value) {
        return !Double.isNaN(value) && value >= min && value <= max && (this != GPU_PROCUREMENT || GpuProcurement.isCode(value))
                // a blended rate is 0 (use prefill and decode) or a real throughput: 0.0001 tokens/s is no replica
                && (this != REPLICA_TOKENS_PER_SECOND || value == 0 || value >= 1);
    }

    /** Whether this parameter takes {@code value} from any input: in its range, and whole where it counts things. */
    public boolean check(double value) {
        return accepts(value) && (!whole() || value == Math.rint(value));
    }

    /** Whole-number parameters (replicas, GPUs, FTEs are counts). */
    public boolean whole() {
        return this == GPUS_PER_REPLICA || this == SPARE_REPLICAS || this == MIN_REPLICAS || this == CREDIT_EXISTING_ML_OPS
                || this == GPU_PROCUREMENT || this == SUPPORT_24X7;
    }

    /** The parameter of this key, or of this key in lower case: the first in declaration order that has either. */
    public static Optional<Param> byKey(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    /** Every key and its lower case form, the first parameter that has it kept (a catalog resolve looks up every policy). */
    private static final java.util.Map<String, Param> BY_KEY = byKeys();

    private static java.util.Map<String, Param> byKeys() {
        java.util.Map<String, Param> keys = new java.util.HashMap<>();
        for (Param param : values()) {
            keys.putIfAbsent(param.key, param);
            keys.putIfAbsent(param.key.toLowerCase(Locale.ROOT), param);
        }
        return java.util.Map.copyOf(keys);
    }
}
