package org.hostingreview.evaluation;

/** How an eval result was reported, which fixes its scale: scores of different scales are never compared. */
public enum ScoreKind {
    SCORE("Score (0–100)", 100),
    PASS_RATE("Pass rate (%)", 100),
    FRACTION("Score (0–1)", 1);

    private final String label;
    private final double scaleMax;

    ScoreKind(String label, double scaleMax) {
        this.label = label;
        this.scaleMax = scaleMax;
    }

    public String label() {
        return label;
    }

    /** The top of the scale: 100 or 1. */
    public double scaleMax() {
        return scaleMax;
    }
}
