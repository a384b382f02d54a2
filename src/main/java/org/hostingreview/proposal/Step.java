package org.hostingreview.proposal;

import java.util.List;

/**
 * The guided intake: the feature and its workload, one step per question of the framework
 * (Q1–Q5), the constraints the rules read, then the summary and submit.
 */
public enum Step {
    FEATURE_AND_WORKLOAD(1, "Feature and workload", null,
            List.of("Describe one feature: the decision is made feature by feature, never company-wide.",
                    "Volumes drive everything below: requests per month, tokens per request, and how bursty the traffic is.")),
    SPEND(2, "Current hosted spend", "Q1_SPEND",
            List.of("What is the feature's hosted spend today, per month?",
                    "Under $30k/month the self-hosting maths probably doesn't work; $30–50k is the grey zone.")),
    MLOPS(3, "ML-ops capacity", "Q2_MLOPS",
            List.of("How many dedicated ML-ops or platform engineers does the team have today?",
                    "No ML-ops capacity means hiring 2–3 people at $300k+ each all-in. Budget for it.")),
    HOSTED_OPEN_TRIED(4, "Hosted-open tried first?", "Q3_HOSTED_OPEN_TRIED",
            List.of("Have you run this workload on a hosted-open provider (Together, Fireworks, Groq, Replicate)?",
                    "They solve 80% of the problem at 10% of the operational cost. Run it there for a quarter before building.")),
    UPGRADE_PLAN(5, "Upgrade plan", "Q4_UPGRADE_PLAN",
            List.of("A new open model lands every 3–6 months. Who re-tunes, re-evaluates and re-deploys?",
                    "Budget about one engineer-quarter per upgrade.")),
    QUALITY(6, "Quality baseline", "Q5_QUALITY",
            List.of("What is your eval set, and how do the incumbent and each candidate score on it?",
                    "Run evals on the open model first: the savings disappear if quality drops 20%.")),
    CONSTRAINTS(7, "Constraints and context", null,
            List.of("What forces the decision beyond cost: residency, air gap, reproducibility, custom weights, latency.",
                    "And what argues for staying hosted: broad capabilities, fast iteration.")),
    SUBMIT(8, "Summary and submit", null,
            List.of("Check the answers, then submit the proposal for review."));

    private final int number;
    private final String title;
    private final String question;
    private final List<String> guidance;

    Step(int number, String title, String question, List<String> guidance) {
        this.number = number;
        this.title = title;
        this.question = question;
        this.guidance = guidance;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The framework's question id (Q1_SPEND…), or null for the steps around the questions. */
    public String question() {
        return question;
    }

    public List<String> guidance() {
        return guidance;
    }

    int bit() {
        return 1 << number;
    }

    /** Steps that must be saved before submitting: every step but the last. */
    public static List<Step> answerable() {
        return List.of(FEATURE_AND_WORKLOAD, SPEND, MLOPS, HOSTED_OPEN_TRIED, UPGRADE_PLAN, QUALITY, CONSTRAINTS);
    }

    public static Step of(int number) {
        for (Step step : values()) {
            if (step.number == number) {
                return step;
            }
        }
        throw new org.hostingreview.web.NotFoundException("There is no step " + number + ".");
    }
}
