package org.hostingreview.revisit;

import java.time.LocalDate;

import org.hostingreview.web.Dates;
import org.hostingreview.web.FormErrors;

/**
 * What a check-in must be, however it arrives (the form, {@code POST /api/v1/…/checkins}, a CSV month), with the one set of
 * messages all of them answer: the form's. The bounds of each figure are declared on the form ({@code CheckinForm}) and the
 * API's request record with these messages; the period's rules are {@link #period}, which the service applies to every
 * check-in it records.
 */
public final class CheckinRules {

    public static final String START_REQUIRED = "Enter the first day of the period.";
    public static final String END_REQUIRED = "Enter the last day of the period.";
    public static final String REQUESTS_REQUIRED = "Enter the requests in the period.";
    public static final String INPUT_TOKENS_REQUIRED = "Enter the input tokens per request.";
    public static final String OUTPUT_TOKENS_REQUIRED = "Enter the output tokens per request.";
    public static final String SPEND_REQUIRED = "Enter the spend in the period (0 if none).";

    public static final String REQUESTS = "Enter whole requests, 0 or more.";
    public static final String TOKENS = "Enter from 0 to 10,000,000 tokens.";
    public static final String SPEND = "Enter an amount from $0.";
    public static final String QUALITY = "Enter a score from 0 to 100.";
    public static final String INCIDENTS = "Enter a whole number of incidents.";
    public static final String NOTES = "Use at most 2,000 characters.";

    public static final String END_BEFORE_START = "The period cannot end before it starts.";

    /** The bounds as the form's {@code @Numeric} reads them, and as numbers for the API's constraints. */
    public static final String MAX_REQUESTS_TEXT = "1000000000000000";
    public static final long MAX_REQUESTS = 1_000_000_000_000_000L;
    public static final String MAX_TOKENS_TEXT = "10000000";
    public static final int MAX_TOKENS = 10_000_000;
    public static final String MAX_SPEND_TEXT = "100000000000";
    public static final String MAX_QUALITY_TEXT = "100";
    public static final String MAX_INCIDENTS_TEXT = "100000";
    public static final int MAX_INCIDENTS = 100_000;
    public static final int MAX_NOTES = 2000;

    private CheckinRules() {
    }

    /**
     * A period lies from {@link Dates#EARLIEST} to {@code today} and does not end before it starts. A day already refused
     * (or missing) is left alone.
     */
    public static void period(LocalDate start, LocalDate end, LocalDate today, FormErrors errors) {
        if (start != null && !errors.has("periodStart") && !Dates.within(start, Dates.EARLIEST, today)) {
            errors.add("periodStart", outOfRange(today));
        }
        if (end != null && !errors.has("periodEnd") && !Dates.within(end, Dates.EARLIEST, today)) {
            errors.add("periodEnd", outOfRange(today));
        }
        if (start != null && end != null && end.isBefore(start) && !errors.has("periodEnd")) {
            errors.add("periodEnd", END_BEFORE_START);
        }
    }

    /** As {@link Dates#parse} words a day outside the period's bounds. */
    private static String outOfRange(LocalDate today) {
        return "Enter a date from " + Dates.EARLIEST.getYear() + " to today.";
    }
}
