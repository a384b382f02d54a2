package org.hostingreview.costmodel;

/** Where a feature's model runs. Decided per feature, never company-wide. */
public enum Tier {
    FRONTIER_CLOSED("Frontier closed API", "a closed frontier model billed per token"),
    HOSTED_OPEN("Hosted open weights", "an open-weight model run by a provider, billed per token"),
    SELF_HOSTED("Self-hosted open weights", "open weights on the team's own GPUs");

    private final String label;
    private final String description;

    Tier(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Per-token billing (the two hosted tiers), as opposed to reserved GPUs. */
    public boolean perToken() {
        return this != SELF_HOSTED;
    }

    /** Runs open weights (hosted or self-hosted), so open-model evals count for it. */
    public boolean openWeights() {
        return this != FRONTIER_CLOSED;
    }
}
