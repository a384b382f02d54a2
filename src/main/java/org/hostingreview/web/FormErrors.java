package org.hostingreview.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

/** Field name → message for a form that was refused; the first message per field wins. */
public final class FormErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static <T> FormErrors of(Set<ConstraintViolation<T>> violations) {
        FormErrors errors = new FormErrors();
        violations.stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    public FormErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The field that should get focus: the first one in error. */
    public String getFirst() {
        return messages.isEmpty() ? null : messages.keySet().iterator().next();
    }

    public Collection<Map.Entry<String, String>> getAll() {
        return messages.entrySet();
    }

    /** Throws {@link InvalidInputException} when there is anything to report. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new InvalidInputException(this);
        }
    }
}
