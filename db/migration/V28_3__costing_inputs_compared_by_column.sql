-- Issue 14: a write to proposals marks their stored estimates stale only when a costing input changed (V17_1). That
-- was decided by turning both versions of each row into jsonb and comparing them less the workflow columns
-- (proposal_costing_inputs): about 50 us a row, 20 of the 28 ms the statement trigger took for a sweep batch of 200
-- decisions made due at 100x (EXPLAIN ANALYZE), where only workflow columns change.
--
-- proposal_costing_changed(n, o) compares the costing inputs column by column instead. It is generated from the table's
-- columns: every column that proposal_costing_inputs keeps (so that function stays the one list of what is not a
-- costing input), by proposal_costing_compare_refresh(), run here and by afterMigrate.sql after every migrate, so a
-- column a later migration adds is compared from then on unless proposal_costing_inputs names it.

CREATE FUNCTION proposal_costing_compare_refresh() RETURNS void LANGUAGE plpgsql AS
$$
DECLARE
    cols text[];
BEGIN
    SELECT array_agg(a.attname::text ORDER BY a.attnum) INTO cols
    FROM pg_attribute a
    WHERE a.attrelid = 'proposal'::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND proposal_costing_inputs(jsonb_build_object(a.attname, 0)) <> '{}'::jsonb;
    EXECUTE format('CREATE OR REPLACE FUNCTION proposal_costing_changed(n proposal, o proposal) RETURNS boolean '
                   || 'LANGUAGE sql IMMUTABLE AS %L',
                   'SELECT (' || (SELECT string_agg(format('n.%I', c), ', ') FROM unnest(cols) c) || ') IS DISTINCT FROM ('
                   || (SELECT string_agg(format('o.%I', c), ', ') FROM unnest(cols) c) || ')');
END;
$$;

SELECT proposal_costing_compare_refresh();

-- V17_1's trigger function, the stale check by proposal_costing_changed; the portfolio pick as it was
CREATE OR REPLACE FUNCTION proposal_estimate_follow() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM portfolio_pick(ARRAY(SELECT DISTINCT feature_id FROM new_rows));
    ELSE
        UPDATE proposal_estimate e SET stale = true FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE e.proposal_id = n.id AND NOT e.stale AND proposal_costing_changed(n, o);
        PERFORM portfolio_pick(ARRAY(
            SELECT n.feature_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.status, n.updated_at, n.team_id, n.feature_id) IS DISTINCT FROM (o.status, o.updated_at, o.team_id, o.feature_id)
            UNION SELECT o.feature_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.feature_id <> o.feature_id));
    END IF;
    RETURN NULL;
END;
$$;
