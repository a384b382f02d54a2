package org.hostingreview.account;

/** What a personal API token may do. Every scope may read; writing needs the scope of that write. */
public enum ApiScope {
    READ("Read", "read what you can see: recommendations, the audit verification (admins)"),
    CHECKINS("Check-ins", "read, and post check-ins of actuals for your team's decisions"),
    ESTIMATES("Estimates", "read, and post cost estimates");

    private final String label;
    private final String description;

    ApiScope(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether a token of this scope may make this request (method and path of an {@code /api} or metrics call). */
    public boolean allows(String method, String path) {
        boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (read) {
            return true;
        }
        if (!"POST".equals(method)) {
            return false;
        }
        return switch (this) {
            case READ -> false;
            case CHECKINS -> path.matches("/api/v1/proposals/[^/]+/checkins/?");
            case ESTIMATES -> path.matches("/api/v1/estimates/?");
        };
    }
}
