package org.hostingreview.audit;

/** What an audit event is about; {@link #key()} is what the trail stores in {@code entity_type} (and hashes). */
public enum AuditEntity {
    PROPOSAL("proposal"),
    FEATURE("feature"),
    CATALOG("catalog"),
    TEAM("team"),
    USER("user"),
    API_TOKEN("api-token"),
    SETTING("setting"),
    AUDIT("audit");

    private final String key;

    AuditEntity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
