-- Issue 14: indexes for the queries that must not grow with the data (checked with EXPLAIN ANALYZE at 100x).
-- The review queue and separation-of-duties checks look up a user's edited proposals.
CREATE INDEX IF NOT EXISTS proposal_editor_user_idx ON proposal_editor (user_id, proposal_id);
-- The audit log's filters, newest first by sequence (the keyset).
CREATE INDEX IF NOT EXISTS audit_event_action_seq_idx ON audit_event (action, seq);
CREATE INDEX IF NOT EXISTS audit_event_actor_seq_idx ON audit_event (actor, seq);
-- A proposal's timeline in chain order.
CREATE INDEX IF NOT EXISTS audit_event_entity_seq_idx ON audit_event (entity_type, entity_id, seq);
-- The sweep: approved decisions by review date, due ones by date due.
CREATE INDEX IF NOT EXISTS proposal_due_since_idx ON proposal (status, due_since);
-- Decisions in force of a proposal.
CREATE INDEX IF NOT EXISTS review_decision_idx ON review (proposal_id, id) WHERE verdict = 'APPROVE' AND completes_decision;

-- Text search of the proposals list (lower(title) LIKE '%…%') through trigram indexes. pg_trgm is a trusted
-- extension (PostgreSQL 13+): the database owner may create it. Where it is not installed the list still searches,
-- by scanning.
DO
$$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available (%): text search scans', SQLERRM;
        RETURN;
    END;
    EXECUTE 'CREATE INDEX IF NOT EXISTS proposal_title_trgm_idx ON proposal USING gin (lower(title) gin_trgm_ops)';
    EXECUTE 'CREATE INDEX IF NOT EXISTS feature_name_trgm_idx ON feature USING gin (lower(name) gin_trgm_ops)';
END;
$$;
