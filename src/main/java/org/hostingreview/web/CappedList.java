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

    /** Counted up to this many: "1,000+" says enough, and the count stays cheap however long the list is. */
    int COUNTED = 1_000;

    /** How a count past {@link #COUNTED} reads. */
    String MORE_THAN_COUNTED = Numbers.grouped(COUNTED) + "+";

    /**
     * The count as shown: "1,000+" past {@link #COUNTED} (a list counts at most one more); grouped as every number on the
     * pages is (a formatter per count was a tenth of the dashboard's cost).
     */
    default String count() {
        return total() > COUNTED ? MORE_THAN_COUNTED : Numbers.grouped(total());
    }
}
