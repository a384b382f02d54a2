package org.hostingreview.web;

/** Reads a choice (radio, select) posted as an enum constant's name. */
public final class Choices {

    /** What a choice that is none of the options is told. */
    public static final String CHOOSE_ONE = "Choose one of the options.";

    private Choices() {
    }

    /** The constant named {@code value}, or null after adding a message to {@code errors}. */
    public static <E extends Enum<E>> E parse(FormErrors errors, String field, String value, Class<E> type) {
        if (errors.has(field)) {
            return null;
        }
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
        }
        errors.add(field, CHOOSE_ONE);
        return null;
    }
}
