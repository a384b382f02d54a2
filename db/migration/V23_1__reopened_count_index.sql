-- Issue 14: the dashboard's "recently re-opened" count as an index-only scan. It counts (up to 1,001) the decisions due
-- for more than their review date from a day on; proposal_reopened_idx orders that list by an expression of due_since,
-- and PostgreSQL answers an index-only scan only from columns the index holds, so the count read every row it counted
-- from the table (2.2 ms at 100x, EXPLAIN ANALYZE). Keyed on the column itself, under the same predicate: 0.08 ms.
CREATE INDEX IF NOT EXISTS proposal_reopened_since_idx ON proposal (due_since)
    WHERE status = 'REVIEW_DUE' AND jsonb_path_exists(due_reasons, '$[*] ? (@.trigger != "SCHEDULED")');
