package org.hostingreview.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link IsoDate} fields as {@link Dates#parse} reads them. */
public class IsoDateValidator implements ConstraintValidator<IsoDate, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (Numbers.isBlank(value)) {
            return true;
        }
        try {
            LocalDate.parse(value.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
