package org.hostingreview.evaluation;

/** Whose score an eval run measured: the model in production today, or an open candidate. */
public enum EvalRole {
    INCUMBENT("Incumbent"),
    CANDIDATE("Candidate");

    private final String label;

    EvalRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
