package org.hostingreview.proposal;

/**
 * Why a decision came back for review, typed: the trigger, the rule id or catalog key it is about (when there is
 * one), the figure at the decision and now, and the sentence shown to people.
 */
public record ReopenReason(Trigger trigger, String subject, String then, String now, String text) {

    public static ReopenReason of(Trigger trigger, String text) {
        return new ReopenReason(trigger, null, null, null, text);
    }

    /** The short name the API and lists show: the rule id for a flipped rule, else the trigger. */
    public String code() {
        return trigger == Trigger.RULE_FLIPPED && subject != null ? subject : trigger.name();
    }

    /** "CODE: sentence", single-line. */
    public String label() {
        return code() + ": " + text;
    }

    @Override
    public String toString() {
        return label();
    }
}
