package org.hostingreview.review;

/** What a reviewer decides. */
public enum Verdict {
    APPROVE("Approve", "Approved"),
    REJECT("Reject", "Rejected"),
    REQUEST_CHANGES("Request changes", "Changes requested"),
    SUPERSEDE("Supersede with a new proposal", "Superseded");

    private final String label;
    private final String done;

    Verdict(String label, String done) {
        this.label = label;
        this.done = done;
    }

    public String label() {
        return label;
    }

    public String done() {
        return done;
    }
}
