package org.hostingreview.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

/**
 * Validates a form record: its Bean Validation constraints, plus one rule for every text field — no control
 * characters (NUL and friends; tabs and line breaks are fine), which PostgreSQL refuses to store.
 */
@ApplicationScoped
public class FormValidator {

    @Inject
    Validator validator;

    public FormErrors validate(Record form) {
        FormErrors errors = FormErrors.of(validator.validate(form));
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            Object value = read(component, form);
            if (hasControlCharacter(value)) {
                errors.add(component.getName(), "Remove the control characters from this text.");
            }
        }
        return errors;
    }

    static boolean hasControlCharacter(Object value) {
        if (value instanceof String text) {
            return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(FormValidator::hasControlCharacter);
        }
        return false;
    }

    private static Object read(RecordComponent component, Record form) {
        try {
            return component.getAccessor().invoke(form);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read form field " + component.getName(), e);
        }
    }
}
