package org.hostingreview.costmodel;

import java.util.function.Supplier;

/**
 * One named amount of a tier's cost, with how it was computed in words. The words are only written when read:
 * recomputing thousands of proposals should not pay for sentences nobody shows.
 */
public record LineItem(String name, double monthlyCost, Supplier<String> explanation) {

    public String detail() {
        return explanation.get();
    }
}
