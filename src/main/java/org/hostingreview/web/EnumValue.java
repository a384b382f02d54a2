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
 * A choice (radio, select) posted as the name of one of {@code type}'s constants. Blank passes: combine with
 * {@code @NotBlank} when a choice is required. The service reads the constant with {@link Choices#parse}.
 */
@Documented
@Constraint(validatedBy = EnumValueValidator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface EnumValue {

    Class<? extends Enum<?>> type();

    String message() default Choices.CHOOSE_ONE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
