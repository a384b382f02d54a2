-- The proposals list's search reads one column: a proposal's title and its feature's name, lower-cased, on two lines.
--
-- Before, the search was a union of two trigram index scans (the titles, the feature names) under the list's query,
-- which named `proposal` three times. At 100x its plan depended on the pattern, so PostgreSQL planned it on every call
-- (1.4-2.2 ms of planning against 0.1 ms of execution), and the planner could not walk the list's (updated_at, id) index
-- for a pattern that matches most rows: '%a%' took 824 ms, '%screening%' 449 ms (EXPLAIN ANALYZE at 100x). On one
-- column of `proposal` the planner chooses by the column's statistics: the trigram index for a rare pattern (no match:
-- 0.06 ms), the index walk for a common one ('%a%': 0.5 ms, '%screening%': 2 ms), and plans in 0.5 ms.
--
-- A search never contains a line break (ProposalQuery drops control characters), so a pattern cannot match across the
-- title and the feature's name: it matches exactly the proposals whose title or feature name contains it.
--
-- Kept by triggers, whoever writes: a proposal's own insert or change of title or feature, and a feature's rename.
-- It is no costing input (proposal_costing_inputs), so it never marks an estimate stale; nor are the check-in counts
-- V24_1 keeps (listed here too: this definition replaces V24_1's).

CREATE OR REPLACE FUNCTION proposal_costing_inputs(p jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
$$
    SELECT p - ARRAY['status', 'steps_saved', 'title', 'owner_id', 'withdrawn_reason', 'submitted_at', 'created_at',
                     'updated_at', 'version', 'review_round', 'decided_tier', 'decided_at', 'next_review_on', 'due_reasons',
                     'due_since', 'supersedes_id', 'superseded_by_id', 'constraints_notes', 'team_id', 'feature_id',
                     'round_approvals', 'checkin_count', 'last_checkin_id', 'search_text']
$$;

ALTER TABLE proposal ADD COLUMN search_text text;

-- the backfill changes no costing input and no portfolio column: the statement trigger that looks for those would
-- compare every row's inputs for nothing (seconds at 100x)
ALTER TABLE proposal DISABLE TRIGGER proposal_estimate_follow_update;
UPDATE proposal p SET search_text = lower(p.title) || E'\n' || lower(f.name) FROM feature f WHERE f.id = p.feature_id;
ALTER TABLE proposal ENABLE TRIGGER proposal_estimate_follow_update;

ALTER TABLE proposal ALTER COLUMN search_text SET NOT NULL;

CREATE FUNCTION proposal_search_text() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    NEW.search_text := lower(NEW.title) || E'\n' || lower((SELECT f.name FROM feature f WHERE f.id = NEW.feature_id));
    RETURN NEW;
END;
$$;

CREATE TRIGGER proposal_search_text BEFORE INSERT OR UPDATE OF title, feature_id, search_text ON proposal
    FOR EACH ROW EXECUTE FUNCTION proposal_search_text();

CREATE FUNCTION feature_search_text() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE proposal p SET search_text = lower(p.title) || E'\n' || lower(NEW.name) WHERE p.feature_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER feature_search_text AFTER UPDATE OF name ON feature
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION feature_search_text();

-- the one trigram index the search uses (pg_trgm as in V11_1: where it is not installed the search scans); the two it
-- replaces go, so no write pays for them
DROP INDEX IF EXISTS proposal_title_trgm_idx;
DROP INDEX IF EXISTS feature_name_trgm_idx;
DO
$$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX proposal_search_trgm_idx ON proposal USING gin (search_text gin_trgm_ops)';
    ELSE
        RAISE NOTICE 'pg_trgm is not installed: the proposals search scans';
    END IF;
END;
$$;

-- the planner chooses the search's plan by this column's statistics
ANALYZE proposal;
