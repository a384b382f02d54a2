package org.hostingreview.recommendation;

/** The framework's kinds of rule. */
public enum RuleKind {
    FAVOURS_SELF_HOST("Favours self-hosting"),
    FAVOURS_HOSTED("Favours a hosted tier"),
    EXCEPTION("Exception: the general advice does not apply"),
    BLOCKER("Blocker"),
    WARNING("Warning");

    private final String label;

    RuleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
