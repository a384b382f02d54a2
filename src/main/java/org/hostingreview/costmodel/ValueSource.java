package org.hostingreview.costmodel;

import java.time.LocalDate;

/**
 * Where an assumption's value came from: a catalog row (its reference {@code table:id}, what it prices, the cited
 * source and the day it was checked), the proposal's own answer, a what-if override, or the framework's default.
 */
public record ValueSource(Kind kind, String catalogRef, String describes, String source, LocalDate checkedOn) {

    public enum Kind {
        CATALOG, PROPOSAL, OVERRIDE, DEFAULT
    }

    public static ValueSource catalog(String ref, String describes, String source, LocalDate checkedOn) {
        return new ValueSource(Kind.CATALOG, ref, describes, source, checkedOn);
    }

    public static ValueSource proposal(String describes) {
        return new ValueSource(Kind.PROPOSAL, null, describes, "the proposal's answer", null);
    }

    public static ValueSource override() {
        return new ValueSource(Kind.OVERRIDE, null, "what-if", "override", null);
    }

    public static ValueSource byDefault() {
        return new ValueSource(Kind.DEFAULT, null, "framework default", "docs/framework", null);
    }
}
