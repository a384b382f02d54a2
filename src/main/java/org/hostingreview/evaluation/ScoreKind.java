package org.hostingreview.evaluation;

/** How an eval result was reported. Both are stored on a 0–100 scale. */
public enum ScoreKind {
    SCORE("Score (0–100)"),
    PASS_RATE("Pass rate (%)");

    private final String label;

    ScoreKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
