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

    /** The count as shown: "1,000+" past {@link #COUNTED} (a list counts at most one more). */
    default String count() {
        return total() > COUNTED ? String.format("%,d+", COUNTED) : String.format("%,d", total());
    }
}
