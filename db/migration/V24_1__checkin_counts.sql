-- Issue 14: the dashboard's forecasts at 100x data.
--
-- proposal.checkin_count and proposal.last_checkin_id: how many check-ins a proposal has and the id of its newest,
-- kept by the database (a check-in inserted, replaced or removed), so that "the five decided proposals most recently
-- checked in with enough check-ins for a forecast" is one index read. The dashboard walked the 500 newest check-ins
-- with a probe of each one's proposal and a count per proposal instead: 2-4 ms a request at 100x, for every request.
-- The app never writes them (they are not mapped), like round_approvals (V22_1).
ALTER TABLE proposal ADD COLUMN checkin_count integer NOT NULL DEFAULT 0;
ALTER TABLE proposal ADD COLUMN last_checkin_id bigint;

-- workflow columns, not costing inputs: changing them must not mark the stored estimate stale (V17_1)
CREATE OR REPLACE FUNCTION proposal_costing_inputs(p jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
$$
    SELECT p - ARRAY['status', 'steps_saved', 'title', 'owner_id', 'withdrawn_reason', 'submitted_at', 'created_at',
                     'updated_at', 'version', 'review_round', 'decided_tier', 'decided_at', 'next_review_on', 'due_reasons',
                     'due_since', 'supersedes_id', 'superseded_by_id', 'constraints_notes', 'team_id', 'feature_id',
                     'round_approvals', 'checkin_count', 'last_checkin_id']
$$;

UPDATE proposal p SET checkin_count = c.n, last_checkin_id = c.last
FROM (SELECT proposal_id, count(*) AS n, max(id) AS last FROM checkin GROUP BY proposal_id) c
WHERE p.id = c.proposal_id;

-- The proposals of the check-ins a statement inserted, deleted or changed: their counts and newest, recounted (one
-- statement of any size: the benchmark's generator inserts every check-in of its copies at once).
CREATE FUNCTION checkin_counts() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        ids := ARRAY(SELECT DISTINCT proposal_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        ids := ARRAY(SELECT DISTINCT proposal_id FROM old_rows);
    ELSE
        ids := ARRAY(SELECT proposal_id FROM new_rows UNION SELECT proposal_id FROM old_rows);
    END IF;
    UPDATE proposal p SET checkin_count = c.n, last_checkin_id = c.last
    FROM (SELECT q.id, (SELECT count(*) FROM checkin k WHERE k.proposal_id = q.id) AS n,
                 (SELECT max(k.id) FROM checkin k WHERE k.proposal_id = q.id) AS last
          FROM proposal q WHERE q.id = ANY (ids)) c
    WHERE p.id = c.id AND (p.checkin_count, p.last_checkin_id) IS DISTINCT FROM (c.n, c.last);
    RETURN NULL;
END;
$$;
CREATE TRIGGER checkin_counts_insert AFTER INSERT ON checkin REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION checkin_counts();
CREATE TRIGGER checkin_counts_delete AFTER DELETE ON checkin REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION checkin_counts();
CREATE TRIGGER checkin_counts_update AFTER UPDATE ON checkin REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION checkin_counts();
ALTER TABLE checkin ENABLE ALWAYS TRIGGER checkin_counts_insert;
ALTER TABLE checkin ENABLE ALWAYS TRIGGER checkin_counts_delete;
ALTER TABLE checkin ENABLE ALWAYS TRIGGER checkin_counts_update;

-- Decisions with enough check-ins for a forecast (Forecast.MIN_POINTS = 3, word for word as RevisitViews asks it), the
-- most recently checked in first: for everyone's dashboard, and for one team's.
CREATE INDEX proposal_checked_in_idx ON proposal (last_checkin_id DESC)
    WHERE status IN ('APPROVED', 'REVIEW_DUE') AND checkin_count >= 3;
CREATE INDEX proposal_team_checked_in_idx ON proposal (team_id, last_checkin_id DESC)
    WHERE status IN ('APPROVED', 'REVIEW_DUE') AND checkin_count >= 3;

ANALYZE proposal;
