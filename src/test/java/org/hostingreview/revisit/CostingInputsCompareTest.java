package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.hostingreview.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The stale check compares a proposal's costing inputs column by column (V28_3), and says what the jsonb comparison it
 * replaced said (every column but those {@code proposal_costing_inputs} names): for thousands of rows that differ from a
 * real proposal in one column, each column in turn taking another proposal's value. A column added later is compared
 * once the function is generated again (as after every migrate).
 */
@QuarkusTest
class CostingInputsCompareTest {

    @Test
    void theColumnComparisonSaysWhatTheJsonComparisonSaid() throws SQLException {
        RevisitFixtures.approved("4100");
        RevisitFixtures.approved("93000");
        try (Connection db = OwnerDatabase.asRuntime(); Statement s = db.createStatement();
                ResultSet r = s.executeQuery("with pairs as (select a, b from proposal a join proposal b on b.id <> a.id "
                        + "order by a.id, b.id limit 300), "
                        + "cols as (select attname::text c from pg_attribute where attrelid = 'proposal'::regclass and attnum > 0 "
                        + "and not attisdropped), "
                        // materialized: the comparison takes plain columns, as in the trigger, and is inlined (with a
                        // function call for an argument PostgreSQL 15 plans it again on every call)
                        + "x as materialized (select jsonb_populate_record(p.b, jsonb_build_object(cols.c, to_jsonb(p.a) -> cols.c)) x, p.b b, "
                        + "cols.c from pairs p, cols) "
                        + "select count(*) filter (where proposal_costing_changed(x.x, x.b) is distinct from "
                        + "(proposal_costing_inputs(to_jsonb(x.x)) is distinct from proposal_costing_inputs(to_jsonb(x.b)))), "
                        + "count(*) filter (where proposal_costing_changed(x.x, x.b)), "
                        + "count(*) filter (where not proposal_costing_changed(x.x, x.b) and to_jsonb(x.x) <> to_jsonb(x.b)), "
                        + "count(*), count(distinct x.c) filter (where proposal_costing_changed(x.x, x.b)) from x")) {
            r.next();
            assertThat(r.getLong(4)).as("rows compared").isGreaterThan(5_000);
            assertThat(r.getLong(1)).as("rows the two comparisons disagree on").isZero();
            assertThat(r.getLong(2)).as("rows with a costing input changed").isPositive();
            assertThat(r.getLong(3)).as("rows with only a workflow column changed").isPositive();
            assertThat(r.getLong(5)).as("costing columns seen changing").isGreaterThan(10);
        }
    }

    @Test
    void aColumnAddedLaterIsComparedOnceGeneratedAgain() throws SQLException {
        try {
            OwnerDatabase.runAsOwner("alter table proposal add column compare_probe integer",
                    "select proposal_costing_compare_refresh()");
            assertThat(source()).contains("n.compare_probe").contains("o.compare_probe").contains("n.requests_per_month")
                    .doesNotContain("n.status").doesNotContain("n.updated_at");
        } finally {
            OwnerDatabase.runAsOwner("alter table proposal drop column if exists compare_probe",
                    "select proposal_costing_compare_refresh()");
        }
        assertThat(source()).doesNotContain("compare_probe");
    }

    private static String source() throws SQLException {
        try (Connection db = OwnerDatabase.asOwner(); Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select prosrc from pg_proc where proname = 'proposal_costing_changed'")) {
            r.next();
            return r.getString(1);
        }
    }
}
