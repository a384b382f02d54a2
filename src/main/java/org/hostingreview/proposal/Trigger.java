package org.hostingreview.proposal;

/** What brought a decision back for review. */
public enum Trigger {
    /** Its review date came. */
    SCHEDULED,
    /** A check-in's actuals now recommend another tier than the decision's recommendation and choice. */
    RECOMMENDATION_CHANGED,
    /** Volume moved across a break-even between two tiers. */
    BREAK_EVEN_CROSSED,
    /** A threshold rule fired at the decision and not now, or the reverse. */
    RULE_FLIPPED,
    /** The decided tier's monthly cost moved more than allowed. */
    COST_MOVED,
    /** Volume reached the configured multiple of the decided volume. */
    VOLUME_DOUBLED,
    /** A catalog row the decision used changed price more than allowed. */
    PRICE_CHANGED,
    /** Volume reached the gate of the plan's next step. */
    GATE_OPENED
}
