-- Issue 14: the reviewer's to-dos read the first of what they may review in this index's order (the key is the one
-- Todos asks, word for word), instead of sorting everything waiting.
-- Proposals waiting for review by the day they started waiting (the queue's order and the reviewer's to-dos).
CREATE INDEX IF NOT EXISTS proposal_waiting_idx ON proposal ((case when status = 'REVIEW_DUE' and due_since is not null
    then due_since else cast(timezone('UTC', submitted_at) as date) end), id) WHERE status IN ('SUBMITTED', 'REVIEW_DUE');
