package org.hostingreview.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A day typed as an ISO date (YYYY-MM-DD). Blank passes: combine with {@code @NotBlank} when the day is required. Its
 * bounds depend on the app's clock, so the service checks them with {@link Dates#parse} (which leaves a field refused here
 * alone).
 */
@Documented
@Constraint(validatedBy = IsoDateValidator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface IsoDate {

    String message() default Dates.NOT_A_DATE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
