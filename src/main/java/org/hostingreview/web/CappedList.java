package org.hostingreview.web;

import java.util.List;

/**
 * The first rows of a list and how many there are in all: a page shows the rows and links to the whole list when there
 * are more (the dashboard's lists).
 */
public interface CappedList<T> {

    List<T> rows();

    long total();

    default boolean empty() {
        return rows().isEmpty();
    }

    /** More than the rows shown: the page links to the whole list. */
    default boolean more() {
        return total() > rows().size();
    }

    default int size() {
        return rows().size();
    }

    /** A list's own page counts up to this many: "1,000+" says enough, and the count stays cheap however long the list is. */
    int COUNTED = 1_000;

    /**
     * The dashboard counts each of its lists up to this many ("100+"): it shows a list's first rows and links to its page,
     * which counts further. Counted to 1,000, the counts were half of the dashboard's database time at 100x (a count
     * reads a row of an index, and for the to-dos asks the review rule of each, per row it counts): its two list
     * statements took 0.82 ms, and 0.44 ms counted to 100.
     */
    int SUMMARY_COUNTED = 100;

    /** How a count past {@link #COUNTED} reads. */
    String MORE_THAN_COUNTED = Numbers.grouped(COUNTED) + "+";

    /** How a count past {@link #SUMMARY_COUNTED} reads. */
    String MORE_THAN_SUMMARY_COUNTED = Numbers.grouped(SUMMARY_COUNTED) + "+";

    /** How far this list was counted: {@link #COUNTED}, or {@link #SUMMARY_COUNTED} for the dashboard's lists. */
    default int countedUpTo() {
        return COUNTED;
    }

    /**
     * The count as shown: "1,000+" (or "100+") past {@link #countedUpTo()} (a list counts at most one more); grouped as every
     * number on the pages is (a formatter per count was a tenth of the dashboard's cost).
     */
    default String count() {
        if (total() <= countedUpTo()) {
            return Numbers.grouped(total());
        }
        return countedUpTo() == SUMMARY_COUNTED ? MORE_THAN_SUMMARY_COUNTED : MORE_THAN_COUNTED;
    }
}
