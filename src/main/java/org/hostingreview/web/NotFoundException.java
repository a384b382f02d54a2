package org.hostingreview.web;

/** Something the user asked for does not exist, or must look as if it did not (another team's data). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
