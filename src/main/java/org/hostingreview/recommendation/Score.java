package org.hostingreview.recommendation;

/** The counting eval result of one model: the incumbent's, or an open candidate's (0–100). */
public record Score(String model, Role role, double score) {

    public enum Role {
        INCUMBENT, CANDIDATE
    }

    /** The score as a pass rate, for cost per accepted result. */
    public double passRate() {
        return score / 100.0;
    }
}
