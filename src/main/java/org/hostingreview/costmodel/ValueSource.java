package org.hostingreview.costmodel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

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

    /**
     * The one definition of stale (W6, the catalog page, a costing's assumptions): a value checked more than
     * {@code maxAgeDays} days before {@code day}. A value never checked is not stale: it is no catalog value.
     */
    public static boolean stale(LocalDate checkedOn, LocalDate day, double maxAgeDays) {
        return checkedOn != null && day != null && ChronoUnit.DAYS.between(checkedOn, day) > maxAgeDays;
    }

    /** Whether this is a catalog value that is stale on {@code day}. */
    public boolean staleOn(LocalDate day, double maxAgeDays) {
        return kind == Kind.CATALOG && stale(checkedOn, day, maxAgeDays);
    }

    public static ValueSource byDefault() {
        return new ValueSource(Kind.DEFAULT, null, "framework default", "docs/framework", null);
    }
}
