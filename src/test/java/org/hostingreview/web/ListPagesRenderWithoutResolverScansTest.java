package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.hostingreview.audit.AuditLog;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.ProposalPage;
import org.hostingreview.proposal.ProposalQuery;
import org.hostingreview.proposal.ProposalRow;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.review.ReviewService;
import org.hostingreview.revisit.RevisitViews;
import org.hostingreview.support.FullScans;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The list pages render each row from the row itself: no name a row shows is looked up through the levels around it,
 * where Qute asks every one of its ~140 value resolvers on each level in vain (see {@link FullScans}). A page costs a
 * few full scans for its layout and filters, the same for 50 rows as for 10: each page is rendered here through the
 * engine with 10 and with 50 rows. With the templates before, a due list's row cost 6 full scans (its three tests of
 * the list's kind, each looked up through the loop: 74 scans with 10 rows, 314 with 50) and an audit event 1 (the event
 * looked up through the {@code {#let}} around its sentence: 23 and 63); the queue's and the proposal list's rows none.
 */
@QuarkusTest
class ListPagesRenderWithoutResolverScansTest {

    /** Full scans a row may add: none is needed; a single name from outside the loop would cost at least one. */
    private static final double PER_ROW = 0.25;

    private static final SignedInUser DANA = new SignedInUser(1, "dana", "Dana Fischer", 1, "Platform",
            EnumSet.of(Role.ADMIN, Role.REVIEWER));

    @Inject
    Engine engine;

    @Test
    void everyDueListsRowsAddNoScans() {
        for (RevisitViews.Due due : RevisitViews.Due.values()) {
            assertFewScansPerRow("DueResource/list", n -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("page", new RevisitViews.DuePage(due, rows(n, i -> new RevisitViews.DueRow(i, "Decision " + i, "Search & Support",
                        ProposalStatus.REVIEW_DUE, LocalDate.of(2026, 10, 1), 40 + i, List.of())), n, null));
                data.put("nextPage", null);
                data.put("teamOptions", new RawString(""));
                data.put("team", "");
                data.put("seesAll", true);
                data.put("me", DANA);
                data.put("teams", List.of()); // what the template took before (to run this test against it)
                return data;
            });
        }
    }

    @Test
    void anAuditPagesEventsAddNoScans() {
        assertFewScansPerRow("AuditResource/log", n -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("page", new AuditLog.Page(rows(n, i -> new AuditLog.Row(1000 - i, Instant.parse("2026-11-30T10:15:00Z"), "dana",
                    i % 2 == 0 ? "PROPOSAL_SUBMITTED" : "LOGIN_SUCCEEDED", "proposal " + i, 1L,
                    List.of(new AuditLog.Change("status", "DRAFT", "SUBMITTED")), Map.of("round", 1), "h" + i)), 900L));
            data.put("filter", new AuditLog.Filter(null, null, null, null, null, null));
            data.put("teamOptions", new RawString(""));
            data.put("actionOptions", new RawString(""));
            data.put("actions", List.of()); // what the template took before (to run this test against it)
            return data;
        });
    }

    @Test
    void theReviewQueuesRowsAddNoScans() {
        assertFewScansPerRow("ReviewResource/queue", n -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("rows", rows(n, i -> new ReviewService.QueueRow(i, "Proposal " + i, "Document AI", ProposalStatus.SUBMITTED,
                    80_000 + i, 1234.5 * i, Tier.HOSTED_OPEN, i, 0, 1 + i % 2, i % 3 != 0)));
            data.put("total", (long) n);
            data.put("count", String.valueOf(n));
            data.put("nextPage", null);
            data.put("teamOptions", new RawString(""));
            data.put("status", "");
            data.put("teams", List.of()); // what the template took before (to run this test against it)
            data.put("team", "");
            return data;
        });
    }

    @Test
    void theProposalListsRowsAddNoScans() {
        assertFewScansPerRow("ProposalResource/list", n -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("page", new ProposalPage(rows(n, i -> new ProposalRow(i, "Proposal " + i, "Feature " + i, "Document AI",
                    ProposalStatus.APPROVED, 1_000L * i, BigDecimal.valueOf(250 * i), Instant.parse("2026-11-30T10:15:00Z"),
                    Tier.SELF_HOSTED, i % 2 == 0 ? Tier.HOSTED_OPEN : null)), null));
            data.put("query", new ProposalQuery(null, null, null, null, null));
            data.put("teamOptions", new RawString(""));
            data.put("statusOptions", new RawString(""));
            data.put("seesAll", true);
            data.put("canCreate", false);
            return data;
        });
    }

    private void assertFewScansPerRow(String template, IntFunction<Map<String, Object>> data) {
        long few = scans(template, data.apply(10));
        long full = scans(template, data.apply(50));
        double perRow = (full - few) / 40.0;
        assertThat(perRow).as("full scans per row of " + template + ": " + few + " with 10 rows, " + full + " with 50 ("
                + FullScans.names() + ")").isLessThan(PER_ROW);
    }

    /** The full scans of rendering {@code template} with {@code data}, in a request (the layout asks who is signed in). */
    private long scans(String template, Map<String, Object> data) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            render(template, data);
            FullScans.reset();
            String page = render(template, data);
            assertThat(page).contains("</html>");
            return FullScans.count();
        } finally {
            request.terminate();
        }
    }

    private String render(String template, Map<String, Object> data) {
        TemplateInstance instance = engine.getTemplate(template).instance();
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
