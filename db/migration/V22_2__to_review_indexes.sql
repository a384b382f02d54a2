-- Issue 14: the reviewer's "to review" list and its count (up to 1,001) at 100x, read from indexes alone (checked with
-- EXPLAIN (ANALYZE, BUFFERS) at 100x: the to-dos' statement went from 7.6 ms to 0.9 ms).
-- Waiting proposals without an approval this round, by the day they started waiting (Todos.WAITING_SINCE word for
-- word), carrying what the eligibility rule reads of each (owner, submission, round): the count is an index-only scan
-- instead of a bitmap scan over every waiting proposal's heap page.
CREATE INDEX proposal_to_review_idx ON proposal ((case when status = 'REVIEW_DUE' and due_since is not null
    then due_since else cast(timezone('UTC', submitted_at) as date) end), id) INCLUDE (owner_id, submitted_at, review_round)
    WHERE status IN ('SUBMITTED', 'REVIEW_DUE') AND round_approvals = 0;
-- A reviewer's own reviews ("not reviewed by me this round"): hashed once per page instead of probed per proposal.
CREATE INDEX review_by_reviewer_idx ON review (reviewer_id, proposal_id, round);
