-- Issue 14: the dashboard counts the decisions due now in two ranges (RevisitViews.count): due since a day after the
-- overdue line, and due since a day unknown (none in the demo or the 100x data, but a decision may have no day).
-- The second had no index that starts with it: the planner scanned all of proposal_team_review_due_idx (V24_3) for it,
-- every decision due in the organisation (15,000 at 100x), to find none. This index holds just those decisions.
CREATE INDEX IF NOT EXISTS proposal_due_unknown_idx ON proposal (team_id) WHERE status = 'REVIEW_DUE' AND due_since IS NULL;
ANALYZE proposal;
