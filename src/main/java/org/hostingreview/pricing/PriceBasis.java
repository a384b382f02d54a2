package org.hostingreview.pricing;

/** Whether a catalog price is what a provider publishes, or a figure the framework's worked example implies. */
public enum PriceBasis {
    LIST_PRICE("list price"), FRAMEWORK_ASSUMPTION("framework assumption");

    private final String label;

    PriceBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The basis of a row: as stated, or for rows from before the column, read from a source citing the framework. */
    static PriceBasis of(PriceBasis stated, String source) {
        if (stated != null) {
            return stated;
        }
        return source != null && source.strip().toLowerCase(java.util.Locale.ROOT).startsWith("framework") ? FRAMEWORK_ASSUMPTION
                : LIST_PRICE;
    }
}
