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
 * A form field that arrives as text and must hold a number in {@code [min, max]} (a whole number when
 * {@code whole}). Blank passes: combine with {@code @NotBlank} when the field is required. Thousands
 * separators ({@code 30,000,000}) and a leading {@code $} are accepted; see {@link Numbers#parse}.
 */
@Documented
@Constraint(validatedBy = NumericValidator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface Numeric {

    String min() default "0";

    String max();

    boolean whole() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
