package org.hostingreview.revisit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hostingreview.web.Numeric;
import org.jboss.resteasy.reactive.RestForm;

/** A check-in as the browser posts it. */
public record CheckinForm(
        @RestForm @NotBlank(message = "Enter the first day of the period.") String periodStart,
        @RestForm @NotBlank(message = "Enter the last day of the period.") String periodEnd,
        @RestForm @NotBlank(message = "Enter the requests in the period.")
        @Numeric(max = "1000000000000000", whole = true, message = "Enter whole requests, 0 or more.") String requests,
        @RestForm @NotBlank(message = "Enter the input tokens per request.")
        @Numeric(max = "10000000", whole = true, message = "Enter from 0 to 10,000,000 tokens.") String inputTokensPerRequest,
        @RestForm @NotBlank(message = "Enter the output tokens per request.")
        @Numeric(max = "10000000", whole = true, message = "Enter from 0 to 10,000,000 tokens.") String outputTokensPerRequest,
        @RestForm @NotBlank(message = "Enter the spend in the period (0 if none).")
        @Numeric(max = "100000000000", message = "Enter an amount from $0.") String spendUsd,
        @RestForm String spendTier,
        @RestForm @Numeric(max = "100", message = "Enter a score from 0 to 100.") String observedQuality,
        @RestForm @Numeric(max = "100000", whole = true, message = "Enter a whole number of incidents.") String incidents,
        @RestForm @Size(max = 2000, message = "Use at most 2,000 characters.") String notes,
        @RestForm String replace) {

    /** The user ticked "Replace the earlier check-in". */
    public boolean replaces() {
        return "on".equals(replace);
    }
}
