package org.hostingreview.revisit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.web.EnumValue;
import org.hostingreview.web.IsoDate;
import org.hostingreview.web.Numeric;
import org.jboss.resteasy.reactive.RestForm;

/** A check-in as the browser posts it; its bounds and messages are {@link CheckinRules}'. */
public record CheckinForm(
        @RestForm @NotBlank(message = CheckinRules.START_REQUIRED) @IsoDate String periodStart,
        @RestForm @NotBlank(message = CheckinRules.END_REQUIRED) @IsoDate String periodEnd,
        @RestForm @NotBlank(message = CheckinRules.REQUESTS_REQUIRED)
        @Numeric(max = CheckinRules.MAX_REQUESTS_TEXT, whole = true, message = CheckinRules.REQUESTS) String requests,
        @RestForm @NotBlank(message = CheckinRules.INPUT_TOKENS_REQUIRED)
        @Numeric(max = CheckinRules.MAX_TOKENS_TEXT, whole = true, message = CheckinRules.TOKENS) String inputTokensPerRequest,
        @RestForm @NotBlank(message = CheckinRules.OUTPUT_TOKENS_REQUIRED)
        @Numeric(max = CheckinRules.MAX_TOKENS_TEXT, whole = true, message = CheckinRules.TOKENS) String outputTokensPerRequest,
        @RestForm @NotBlank(message = CheckinRules.SPEND_REQUIRED)
        @Numeric(max = CheckinRules.MAX_SPEND_TEXT, message = CheckinRules.SPEND) String spendUsd,
        @RestForm @EnumValue(type = Tier.class) String spendTier,
        @RestForm @Numeric(max = CheckinRules.MAX_QUALITY_TEXT, message = CheckinRules.QUALITY) String observedQuality,
        @RestForm @Numeric(max = CheckinRules.MAX_INCIDENTS_TEXT, whole = true, message = CheckinRules.INCIDENTS) String incidents,
        @RestForm @Size(max = CheckinRules.MAX_NOTES, message = CheckinRules.NOTES) String notes,
        @RestForm String replace) {

    /** The user ticked "Replace the earlier check-in". */
    public boolean replaces() {
        return "on".equals(replace);
    }
}
