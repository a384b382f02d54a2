package org.hostingreview.web;

/** Thrown by services when form input is refused; the resource re-renders the form with 400. */
public class InvalidInputException extends RuntimeException {

    private final FormErrors errors;

    public InvalidInputException(FormErrors errors) {
        super("Invalid input: " + errors.getAll());
        this.errors = errors;
    }

    public InvalidInputException(String field, String message) {
        this(FormErrors.none().add(field, message));
    }

    public FormErrors errors() {
        return errors;
    }
}
