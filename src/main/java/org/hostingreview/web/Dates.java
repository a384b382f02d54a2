package org.hostingreview.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Days typed into forms and query strings: ISO dates within bounds, with the same messages everywhere. */
public final class Dates {

    /** The earliest day any input takes: nothing this app records happened before 2015. */
    public static final LocalDate EARLIEST = LocalDate.of(2015, 1, 1);

    /** What a day that is no ISO date is told. */
    public static final String NOT_A_DATE = "Enter a date as YYYY-MM-DD.";

    private Dates() {
    }

    /** The latest day an input takes, as a message names it ("today", "a year from now", the day). */
    public record Latest(LocalDate day, String words, String tooLate) {

        public static Latest today(LocalDate today) {
            return new Latest(today, "today", null);
        }

        public static Latest aYearFrom(LocalDate today) {
            return new Latest(today.plusYears(1), "a year from now", null);
        }

        public static Latest on(LocalDate day) {
            return new Latest(day, day.toString(), null);
        }

        /** The same bound, with its own message for a later day ("The run cannot be in the future."). */
        public Latest saying(String message) {
            return new Latest(day, words, message);
        }
    }

    /**
     * The day {@code text} names, or null when it names none; either way outside the bounds adds a message to
     * {@code errors} (the day is still returned then, so that the form keeps it). A field already refused is left alone.
     */
    public static LocalDate parse(String field, String text, LocalDate earliest, Latest latest, FormErrors errors) {
        if (errors.has(field)) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, NOT_A_DATE);
            return null;
        }
        if (day.isAfter(latest.day()) && latest.tooLate() != null) {
            errors.add(field, latest.tooLate());
        } else if (!within(day, earliest, latest.day())) {
            errors.add(field, "Enter a date from " + earliest.getYear() + " to " + latest.words() + ".");
        }
        return day;
    }

    /** Whether {@code day} lies from {@code earliest} to {@code latest}, both included. */
    public static boolean within(LocalDate day, LocalDate earliest, LocalDate latest) {
        return !day.isBefore(earliest) && !day.isAfter(latest);
    }
}
