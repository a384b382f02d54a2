package org.hostingreview.web;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Numeric} fields and explains what is wrong in words a user understands. */
public class NumericValidator implements ConstraintValidator<Numeric, String> {

    private BigDecimal min;
    private BigDecimal max;
    private boolean whole;
    private String message;

    @Override
    public void initialize(Numeric annotation) {
        min = new BigDecimal(annotation.min());
        max = new BigDecimal(annotation.max());
        whole = annotation.whole();
        message = annotation.message();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (Numbers.isBlank(value)) {
            return true;
        }
        Optional<BigDecimal> number = Numbers.parse(value);
        String problem = null;
        if (number.isEmpty()) {
            problem = whole ? "Enter a whole number, like 1200." : "Enter a number, like 0.25 or 1200.";
        } else if (whole && number.get().stripTrailingZeros().scale() > 0) {
            problem = "Enter a whole number, without decimals.";
        } else if (number.get().compareTo(min) < 0 || number.get().compareTo(max) > 0) {
            problem = message.isEmpty()
                    ? "Enter a number from " + Numbers.grouped(min, 4) + " to " + Numbers.grouped(max, 4) + "."
                    : message;
        }
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
