package org.hostingreview.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hostingreview.web.EnumValue;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A reviewer's verdict as posted. {@code version} is the proposal's version when the form was opened;
 * {@code token} identifies this form, so that posting it twice records one review. The chosen tier and the next review
 * date count for an approval only, so the service checks them then.
 */
public record ReviewForm(
        @RestForm @NotBlank(message = "Choose a verdict.") @EnumValue(type = Verdict.class) String verdict,
        @RestForm String chosenTier,
        @RestForm @NotBlank(message = "Give your rationale.") @Size(max = 4000, message = "Use at most 4,000 characters.")
        String rationale,
        @RestForm @Size(max = 4000, message = "Use at most 4,000 characters.") String justification,
        @RestForm @Size(max = 4000, message = "Use at most 4,000 characters.") String conditions,
        @RestForm String nextReviewOn,
        @RestForm String version,
        @RestForm @NotBlank(message = "Reload the page and try again.") @Size(max = 64, message = "Reload the page and try again.")
        String token) {
}
