package org.hostingreview.web;

/** The request cannot be done in the record's current state (409), e.g. editing a submitted proposal. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
