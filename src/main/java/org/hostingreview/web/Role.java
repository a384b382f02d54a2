package org.hostingreview.web;

/** What a user may do. A user may hold several roles. */
public enum Role {
    PROPOSER("Proposer", "files and edits their team's proposals"),
    REVIEWER("Reviewer", "reviews, approves and rejects proposals of every team"),
    ADMIN("Admin", "manages users, teams and the pricing catalog");

    /** Role names as used in {@code @RolesAllowed}. */
    public static final String PROPOSER_NAME = "PROPOSER";
    public static final String REVIEWER_NAME = "REVIEWER";
    public static final String ADMIN_NAME = "ADMIN";

    private final String label;
    private final String description;

    Role(String label, String description) {
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
