package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hostingreview.review.Todos;
import org.junit.jupiter.api.Test;

/**
 * How a count reads where it stops: the dashboard's lists (its to-dos and its decisions) count to a hundred, a list's own
 * page to a thousand; a count at the limit is shown as it is, one past it (each list reads at most one more) as "N+".
 */
class CappedCountsTest {

    @Test
    void theDashboardsListsSayAHundredPlusPastAHundredAndTheListPagesAThousandPlusPastAThousand() {
        for (long total : new long[] {0, 7, 99, 100, 101, 999, 1_000, 1_001}) {
            String summary = total > 100 ? "100+" : Long.toString(total);
            String page = total > 1_000 ? "1,000+" : total == 1_000 ? "1,000" : Long.toString(total);
            assertThat(new Todos.TodoList(List.of(), total, "/reviews").count()).as("to-dos of " + total).isEqualTo(summary);
            assertThat(new RevisitViews.DueList(List.of(), total).count()).as("decisions of " + total).isEqualTo(summary);
            assertThat(new RevisitViews.DuePage(RevisitViews.Due.OVERDUE, List.of(), total, null).count()).as("page of " + total)
                    .isEqualTo(page);
        }
    }
}
