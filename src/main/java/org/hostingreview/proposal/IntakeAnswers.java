package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The answers of one intake step, stored as an {@code @Embeddable} of {@link Proposal}. Each step's class is the one
 * home of its field list: its columns, its mapping from and to its form record ({@link ProposalForms}), its copy
 * and its values by field name (for before → after audit records and frozen decisions).
 *
 * <p>Change a managed proposal's answers by assigning a new (or copied and changed) instance to the proposal's field
 * rather than by writing into the instance it holds: Hibernate's enhanced dirty tracking sees the assignment for certain.
 */
interface IntakeAnswers<T extends IntakeAnswers<T>> {

    /** The step's values by field name, in the step's order. */
    Map<String, Object> values();

    /** An independent copy (the supersede step starts from it). */
    T copy();

    /** A decimal as the audit trail shows it: no trailing zeros, no exponent. */
    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** A text field as stored: stripped, null when blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
