package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.proposal.Trigger;
import org.hostingreview.review.Todos;
import org.hostingreview.support.FullScans;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard renders each row of its lists and to-dos from the row itself: full resolver scans (see
 * {@link FullScans}) stay those of the page's frame, the same with ten rows a list as with one, and few.
 */
@QuarkusTest
class DashboardRenderScansTest {

    private static final SignedInUser VICTOR = new SignedInUser(5, "victor", "Victor Osei", 3, "Search & Support",
            EnumSet.of(Role.REVIEWER, Role.PROPOSER));

    @Inject
    Engine engine;

    @Test
    void aDashboardOfFullListsCostsNoMoreScansThanOneOfSingleRows() {
        long one = scans(dashboard(1));
        long ten = scans(dashboard(10));
        assertThat((ten - one) / 9.0 / 9).as("full scans per row: " + one + " with one row a list, " + ten + " with ten ("
                + FullScans.names() + ")").isLessThan(0.25);
    }

    private Map<String, Object> dashboard(int n) {
        LocalDate day = LocalDate.of(2026, 11, 2);
        IntFunction<RevisitViews.DueList> due = k -> new RevisitViews.DueList(rows(n, i -> new RevisitViews.DueRow(k * 100 + i,
                "Decision " + i, "Search & Support", ProposalStatus.REVIEW_DUE, day, 20 + i,
                List.of(ReopenReason.of(i % 2 == 0 ? Trigger.SCHEDULED : Trigger.VOLUME_DOUBLED, "volume went up")))), 1200);
        IntFunction<Todos.TodoList> todos = k -> new Todos.TodoList(rows(n, i -> new Todos.Todo(k * 100 + i, "Proposal " + i,
                "Search & Support · submitted, waiting " + i + " days", "/proposals/" + i + "#review")), 40, "/reviews");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("me", VICTOR);
        data.put("due", new RevisitViews.Dashboard(due.apply(1), due.apply(2), due.apply(3), due.apply(4), List.of()));
        data.put("seesAll", false);
        data.put("todos", new Todos.List4(todos.apply(1), todos.apply(2), todos.apply(3), todos.apply(4), todos.apply(5)));
        return data;
    }

    /** The full scans of rendering the dashboard with {@code data}, in a request (the layout asks who is signed in). */
    private long scans(Map<String, Object> data) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            render(data);
            FullScans.reset();
            String page = render(data);
            assertThat(page).contains("</html>").contains("Decision 1<");
            return FullScans.count();
        } finally {
            request.terminate();
        }
    }

    private String render(Map<String, Object> data) {
        TemplateInstance instance = engine.getTemplate("HomeResource/dashboard").instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static <T> List<T> rows(int n, IntFunction<T> row) {
        List<T> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(row.apply(i));
        }
        return rows;
    }
}
