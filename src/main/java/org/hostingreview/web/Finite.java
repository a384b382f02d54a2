package org.hostingreview.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A JSON number that must be a real number: JSON parsers turn {@code "NaN"}, {@code "Infinity"} and {@code 1e400}
 * into doubles that {@code @DecimalMin}/{@code @DecimalMax} let through, and the cost model would print them as
 * "$InfinityM". Null passes: combine with {@code @NotNull} when required.
 */
@Documented
@Constraint(validatedBy = Finite.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface Finite {

    String message() default "must be a finite number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null and every finite double. */
    class Validator implements ConstraintValidator<Finite, Double> {

        @Override
        public boolean isValid(Double value, ConstraintValidatorContext context) {
            return value == null || Double.isFinite(value);
        }
    }
}
