package org.hostingreview.costmodel;

/** One named amount of a tier's cost, with how it was computed in words. */
public record LineItem(String name, double monthlyCost, String detail) {
}
