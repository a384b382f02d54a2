package org.hostingreview.recommendation;

/** The context the rules read beyond cost. */
public record Constraints(boolean dataResidency, boolean airGapped, boolean reproducibilityRequired, boolean customWeights,
        boolean broadCapabilities, boolean iteratingFast, boolean aiInfraCompany, boolean sovereign, boolean moatFineTune) {

    public static Constraints none() {
        return new Constraints(false, false, false, false, false, false, false, false, false);
    }
}
