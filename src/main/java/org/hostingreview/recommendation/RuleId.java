package org.hostingreview.recommendation;

import java.util.EnumSet;
import java.util.Set;

import org.hostingreview.costmodel.Tier;

/** The framework's rules, with their stable ids, kinds, and (for blockers) the tiers they remove. */
public enum RuleId {
    S1_RESIDENCY(RuleKind.FAVOURS_SELF_HOST, "Regulation prohibits sending the data to a hosted provider"),
    S2_HYPERSCALE(RuleKind.FAVOURS_SELF_HOST, "Frontier spend above the hyperscale line and self-hosting far cheaper"),
    S3_CUSTOM_WEIGHTS(RuleKind.FAVOURS_SELF_HOST, "Serves the team's own fine-tuned weights"),
    S4_LATENCY_FLOOR(RuleKind.FAVOURS_SELF_HOST, "Time-to-first-token floor closed APIs cannot reliably hit"),
    S5_AIR_GAP(RuleKind.FAVOURS_SELF_HOST, "No public internet access"),
    S6_REPRODUCIBILITY(RuleKind.FAVOURS_SELF_HOST, "A silently updating model is unacceptable"),
    H1_NO_MLOPS(RuleKind.FAVOURS_HOSTED, "No dedicated ML-ops person"),
    H2_UNDER_THRESHOLD(RuleKind.FAVOURS_HOSTED, "Hosted spend under the line where self-hosting pays"),
    H3_BROAD_CAPABILITIES(RuleKind.FAVOURS_HOSTED, "Needs broad capabilities without integration work"),
    H4_ITERATING(RuleKind.FAVOURS_HOSTED, "Still iterating fast"),
    H5_BURSTY(RuleKind.FAVOURS_HOSTED, "Bursty usage: per-token beats reserved GPUs"),
    X1_INFRA_COMPANY(RuleKind.EXCEPTION, "AI-infrastructure or model-serving company"),
    X2_SOVEREIGN(RuleKind.EXCEPTION, "Sovereign or defense deployment"),
    X3_MOAT_FINE_TUNE(RuleKind.EXCEPTION, "Moat-level fine-tune"),
    X4_HYPERSCALE_SAVINGS(RuleKind.EXCEPTION, "Hyperscale bill with large self-hosting savings"),
    B1_NO_EVAL(RuleKind.BLOCKER, "No eval: you can't tell if quality regressed", Tier.SELF_HOSTED),
    B2_SINGLE_GPU(RuleKind.BLOCKER, "No redundancy: a demo, not a production service", Tier.SELF_HOSTED),
    B3_QUALITY_DROP(RuleKind.BLOCKER, "The open candidate is far below the incumbent: the savings disappear",
            Tier.HOSTED_OPEN, Tier.SELF_HOSTED),
    W1_NOT_MEASURED(RuleKind.WARNING, "Hosted-open not run for a quarter"),
    W2_NO_UPGRADE_OWNER(RuleKind.WARNING, "No named owner for the upgrade cycle"),
    W3_HIRING_REQUIRED(RuleKind.WARNING, "Self-hosting needs hires"),
    W4_GPU_ONLY_ESTIMATE(RuleKind.WARNING, "The own estimate looks like GPU rental alone"),
    W5_QUALITY_GAP(RuleKind.WARNING, "The open candidate scores below the incumbent"),
    W6_STALE_PRICES(RuleKind.WARNING, "A price used is older than allowed");

    private final RuleKind kind;
    private final String title;
    private final Set<Tier> blocks;

    RuleId(RuleKind kind, String title, Tier... blocks) {
        this.kind = kind;
        this.title = title;
        this.blocks = blocks.length == 0 ? EnumSet.noneOf(Tier.class) : EnumSet.of(blocks[0], blocks);
    }

    public RuleKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** Tiers this rule removes from the recommendation while it fires (blockers only). */
    public Set<Tier> blocks() {
        return blocks;
    }
}
