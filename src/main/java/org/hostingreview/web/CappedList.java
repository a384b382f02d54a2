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
}
