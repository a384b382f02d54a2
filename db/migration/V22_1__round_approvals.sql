-- Issue 14: the reviewer's to-dos and the review queue at 100x data.
--
-- proposal.round_approvals: how many approvals the proposal has in its current review round, kept by the database
-- (a review inserted, the round moved on), so that "a first approval waits for a second" is a column of the proposal
-- and its list an index lookup: the dashboard read ~15,000 waiting proposals at 100x to find the few with an approval.
-- The app never writes it (it is not mapped); reviews are append-only (V4), so an insert is the only change on that side.
ALTER TABLE proposal ADD COLUMN round_approvals integer NOT NULL DEFAULT 0;

-- a workflow column, not a costing input: changing it must not mark the stored estimate stale (V17_1)
CREATE OR REPLACE FUNCTION proposal_costing_inputs(p jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
$$
    SELECT p - ARRAY['status', 'steps_saved', 'title', 'owner_id', 'withdrawn_reason', 'submitted_at', 'created_at',
                     'updated_at', 'version', 'review_round', 'decided_tier', 'decided_at', 'next_review_on', 'due_reasons',
                     'due_since', 'supersedes_id', 'superseded_by_id', 'constraints_notes', 'team_id', 'feature_id',
                     'round_approvals']
$$;

UPDATE proposal p SET round_approvals = a.n
FROM (SELECT r.proposal_id, count(*) AS n FROM review r JOIN proposal q ON q.id = r.proposal_id AND r.round = q.review_round
      WHERE r.verdict = 'APPROVE' GROUP BY r.proposal_id) a
WHERE p.id = a.proposal_id AND p.round_approvals <> a.n;

-- Reviews inserted (one statement of any size): their proposals' counts of this round, recounted.
CREATE FUNCTION review_round_approvals() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE proposal p SET round_approvals = c.n
    FROM (SELECT q.id, (SELECT count(*) FROM review r WHERE r.proposal_id = q.id AND r.round = q.review_round
                        AND r.verdict = 'APPROVE') AS n
          FROM proposal q WHERE q.id IN (SELECT proposal_id FROM new_rows WHERE verdict = 'APPROVE')) c
    WHERE p.id = c.id AND p.round_approvals <> c.n;
    RETURN NULL;
END;
$$;
CREATE TRIGGER review_round_approvals AFTER INSERT ON review REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION review_round_approvals();
ALTER TABLE review ENABLE ALWAYS TRIGGER review_round_approvals;

-- A new round (a submission) starts with the approvals it has (none, in practice).
CREATE FUNCTION proposal_round_approvals() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    NEW.round_approvals := (SELECT count(*) FROM review r WHERE r.proposal_id = NEW.id AND r.round = NEW.review_round
                            AND r.verdict = 'APPROVE');
    RETURN NEW;
END;
$$;
CREATE TRIGGER proposal_round_approvals BEFORE UPDATE ON proposal FOR EACH ROW
    WHEN (OLD.review_round IS DISTINCT FROM NEW.review_round OR OLD.round_approvals IS DISTINCT FROM NEW.round_approvals)
    EXECUTE FUNCTION proposal_round_approvals();
ALTER TABLE proposal ENABLE ALWAYS TRIGGER proposal_round_approvals;

-- Waiting proposals with a first approval, by the day they started waiting (the key is Todos.WAITING_SINCE word for
-- word, as in V18_3): the "second approval needed" list and its count read only these.
CREATE INDEX proposal_waiting_approved_idx ON proposal ((case when status = 'REVIEW_DUE' and due_since is not null
    then due_since else cast(timezone('UTC', submitted_at) as date) end), id)
    WHERE status IN ('SUBMITTED', 'REVIEW_DUE') AND round_approvals > 0;

-- the planner sees the new column at once (the lists above pick their index by it)
ANALYZE proposal;
