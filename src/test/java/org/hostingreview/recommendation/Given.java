package org.hostingreview.recommendation;

import org.hostingreview.costmodel.Tier;

/** Readable engine inputs for tests: a baseline, and by name only what a test changes. */
final class Given {

    private Given() {
    }

    /** No constraint; name the ones that hold. */
    static ConstraintsBuilder constraints() {
        return new ConstraintsBuilder();
    }

    /**
     * $80,000 a month, no ML-ops engineers with hires planned, hosted-open not tried, an upgrade owner and an eval set; no
     * self-hosting estimate, incumbent tier or plan of replicas.
     */
    static AnswersBuilder answers() {
        return new AnswersBuilder();
    }

    static final class ConstraintsBuilder {
        private boolean dataResidency;
        private boolean airGapped;
        private boolean reproducibility;
        private boolean customWeights;
        private boolean broadCapabilities;
        private boolean iteratingFast;
        private boolean aiInfraCompany;
        private boolean sovereign;
        private boolean moatFineTune;

        ConstraintsBuilder dataResidency(boolean value) {
            dataResidency = value;
            return this;
        }

        ConstraintsBuilder dataResidency() {
            return dataResidency(true);
        }

        ConstraintsBuilder airGapped() {
            airGapped = true;
            return this;
        }

        ConstraintsBuilder reproducibility(boolean value) {
            reproducibility = value;
            return this;
        }

        ConstraintsBuilder reproducibility() {
            return reproducibility(true);
        }

        ConstraintsBuilder customWeights() {
            customWeights = true;
            return this;
        }

        ConstraintsBuilder broadCapabilities() {
            broadCapabilities = true;
            return this;
        }

        ConstraintsBuilder iteratingFast() {
            iteratingFast = true;
            return this;
        }

        ConstraintsBuilder aiInfraCompany(boolean value) {
            aiInfraCompany = value;
            return this;
        }

        ConstraintsBuilder aiInfraCompany() {
            return aiInfraCompany(true);
        }

        ConstraintsBuilder sovereign() {
            sovereign = true;
            return this;
        }

        ConstraintsBuilder moatFineTune() {
            moatFineTune = true;
            return this;
        }

        Constraints build() {
            return new Constraints(dataResidency, airGapped, reproducibility, customWeights, broadCapabilities, iteratingFast,
                    aiInfraCompany, sovereign, moatFineTune);
        }
    }

    static final class AnswersBuilder {
        private Double spend = 80_000.0;
        private Integer mlOps = 0;
        private Boolean hiresPlanned = true;
        private Double monthsOnHostedOpen = 0.0;
        private String upgradeOwner = "x";
        private String evalSet = "e";
        private Double selfHostEstimate;
        private Tier currentTier;
        private Integer plannedReplicas;

        AnswersBuilder spend(Double value) {
            spend = value;
            return this;
        }

        AnswersBuilder mlOps(Integer value) {
            mlOps = value;
            return this;
        }

        AnswersBuilder hiresPlanned(Boolean value) {
            hiresPlanned = value;
            return this;
        }

        AnswersBuilder monthsOnHostedOpen(Double value) {
            monthsOnHostedOpen = value;
            return this;
        }

        AnswersBuilder upgradeOwner(String value) {
            upgradeOwner = value;
            return this;
        }

        AnswersBuilder evalSet(String value) {
            evalSet = value;
            return this;
        }

        AnswersBuilder selfHostEstimate(Double value) {
            selfHostEstimate = value;
            return this;
        }

        AnswersBuilder currentTier(Tier value) {
            currentTier = value;
            return this;
        }

        AnswersBuilder plannedReplicas(Integer value) {
            plannedReplicas = value;
            return this;
        }

        Answers build() {
            return new Answers(spend, mlOps, hiresPlanned, monthsOnHostedOpen, upgradeOwner, evalSet, selfHostEstimate, currentTier,
                    plannedReplicas);
        }
    }
}
