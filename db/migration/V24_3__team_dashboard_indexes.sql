-- Issue 14: the dashboard of someone who sees one team (a proposer, a reviewer of one team) at 100x data. Its lists and
-- their counts ask the predicates of V18_2 with "and p.team_id = :team": those indexes have no team, so each count read
-- every decision due in the organisation (5,000-15,000 index entries at 100x, a bitmap of them and the team's index
-- ANDed) to find the team's few. Keyed by team first, under the same predicates word for word, a team's lists and
-- counts read only the team's decisions; the counts (RevisitViews.count: ranges of due_since and next_review_on) are
-- index-only scans.
CREATE INDEX IF NOT EXISTS proposal_team_review_due_idx ON proposal (team_id, due_since) WHERE status = 'REVIEW_DUE';
CREATE INDEX IF NOT EXISTS proposal_team_reopened_idx ON proposal (team_id, due_since)
    WHERE status = 'REVIEW_DUE' AND jsonb_path_exists(due_reasons, '$[*] ? (@.trigger != "SCHEDULED")');
CREATE INDEX IF NOT EXISTS proposal_team_approved_review_idx ON proposal (team_id, next_review_on) WHERE status = 'APPROVED';
-- The due-now count's second range, the decisions due since a day unknown (none in the demo or the 100x data, but a
-- decision may have no day): without an index that starts with it the planner scanned all of
-- proposal_team_review_due_idx for it, every decision due in the organisation (15,000 at 100x), to find none.
CREATE INDEX IF NOT EXISTS proposal_due_unknown_idx ON proposal (team_id) WHERE status = 'REVIEW_DUE' AND due_since IS NULL;
ANALYZE proposal;
