-- Issue 14: the dashboard's lists, each its first ten and its count (checked with EXPLAIN ANALYZE at scale 10 and 100).
-- Each index's key and predicate are the ones RevisitViews asks, word for word, so that the planner uses it.
-- Decisions due for review, by the day they became due (a day unknown sorts last): overdue and due now.
CREATE INDEX IF NOT EXISTS proposal_review_due_idx ON proposal ((coalesce(due_since, date '9999-12-31')), id)
    WHERE status = 'REVIEW_DUE';
-- The same, of those re-opened by more than their review date (a check-in, a price).
CREATE INDEX IF NOT EXISTS proposal_reopened_idx ON proposal ((coalesce(due_since, date '9999-12-31')), id)
    WHERE status = 'REVIEW_DUE' AND jsonb_path_exists(due_reasons, '$[*] ? (@.trigger != "SCHEDULED")');
-- Approved decisions by review date (the list due in the next 30 days), ties by id.
CREATE INDEX IF NOT EXISTS proposal_approved_review_idx ON proposal (next_review_on, id) WHERE status = 'APPROVED';
-- A proposer's own proposals, newest change first (their drafts, what awaits review, what came back).
CREATE INDEX IF NOT EXISTS proposal_owner_updated_idx ON proposal (owner_id, status, updated_at);
