package org.hostingreview.proposal;

/** The hybrid pattern's two kinds of work. */
public enum TaskShape {
    NARROW_HIGH_VOLUME("Narrow, high volume", "the same kind of task many times (classification, extraction)"),
    HARD_VARIED("Hard, varied, lower volume", "open-ended tasks that need the strongest model");

    private final String label;
    private final String description;

    TaskShape(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
