-- Issue 14: the portfolio reads stored estimates instead of costing every feature per request.
--
-- proposal_estimate: each proposal's current estimate (the cost model's monthly cost of each tier, the recommended
-- tier, the phased plan, the catalog day it was costed as of), written by the app (proposal.Estimates) when the
-- proposal, its eval runs or the catalog change. Which proposal stands for its feature in the portfolio (the latest
-- one that has not ended, as the page always chose) and its team and draft state are kept by the triggers below,
-- whatever writes the proposal, so a status change needs no re-costing. A change to a costing input that no code path
-- re-costed marks the estimate stale (the refresh job re-costs stale ones).
CREATE TABLE proposal_estimate (
    proposal_id              bigint        PRIMARY KEY REFERENCES proposal (id) ON DELETE CASCADE,
    team_id                  bigint        NOT NULL REFERENCES team (id),
    draft                    boolean       NOT NULL,
    in_portfolio             boolean       NOT NULL DEFAULT false,
    stale                    boolean       NOT NULL DEFAULT false,
    today_tier               varchar(20)   NOT NULL,
    recommended_tier         varchar(20)   NOT NULL,
    frontier_usd             numeric(22, 6) NOT NULL,
    hosted_open_usd          numeric(22, 6) NOT NULL,
    self_hosted_usd          numeric(22, 6) NOT NULL,
    spend_today_usd          numeric(22, 6) NOT NULL,
    under_recommendation_usd numeric(22, 6) NOT NULL,
    -- the sort of the lists: features that move first, then the biggest saving (most negative change) first
    stays                    boolean       GENERATED ALWAYS AS (today_tier = recommended_tier) STORED,
    change_usd               numeric(23, 6) GENERATED ALWAYS AS (under_recommendation_usd - spend_today_usd) STORED,
    plan                     jsonb         NOT NULL DEFAULT '[]'::jsonb,
    catalog_as_of            date          NOT NULL,
    computed_at              timestamptz   NOT NULL,
    CONSTRAINT proposal_estimate_tiers CHECK (today_tier IN ('FRONTIER_CLOSED', 'HOSTED_OPEN', 'SELF_HOSTED')
        AND recommended_tier IN ('FRONTIER_CLOSED', 'HOSTED_OPEN', 'SELF_HOSTED'))
);
-- one page of a tier's list, all teams or one team (keyset on stays, change_usd, proposal_id)
CREATE INDEX proposal_estimate_list_idx ON proposal_estimate (recommended_tier, draft, stays, change_usd, proposal_id)
    WHERE in_portfolio;
CREATE INDEX proposal_estimate_team_list_idx
    ON proposal_estimate (team_id, recommended_tier, draft, stays, change_usd, proposal_id) WHERE in_portfolio;
CREATE INDEX proposal_estimate_stale_idx ON proposal_estimate (proposal_id) WHERE stale;

-- The portfolio's totals per team, recommended tier and draft state, kept by a trigger on proposal_estimate: the page
-- sums at most teams × 6 rows whatever the number of features.
CREATE TABLE portfolio_total (
    team_id                  bigint        NOT NULL REFERENCES team (id),
    tier                     varchar(20)   NOT NULL,
    draft                    boolean       NOT NULL,
    features                 bigint        NOT NULL,
    moving                   bigint        NOT NULL,
    spend_today_usd          numeric(28, 6) NOT NULL,
    under_recommendation_usd numeric(28, 6) NOT NULL,
    PRIMARY KEY (team_id, tier, draft)
);

-- Rows' contributions to the totals, added (sign 1) or taken away (sign -1), in key order (one lock order).
CREATE FUNCTION portfolio_total_apply() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO portfolio_total AS t (team_id, tier, draft, features, moving, spend_today_usd, under_recommendation_usd)
        SELECT team_id, recommended_tier, draft, count(*), count(*) FILTER (WHERE NOT stays), sum(spend_today_usd),
               sum(under_recommendation_usd)
        FROM new_rows WHERE in_portfolio GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (team_id, tier, draft) DO UPDATE SET features = t.features + excluded.features,
            moving = t.moving + excluded.moving, spend_today_usd = t.spend_today_usd + excluded.spend_today_usd,
            under_recommendation_usd = t.under_recommendation_usd + excluded.under_recommendation_usd;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO portfolio_total AS t (team_id, tier, draft, features, moving, spend_today_usd, under_recommendation_usd)
        SELECT team_id, recommended_tier, draft, -count(*), -count(*) FILTER (WHERE NOT stays), -sum(spend_today_usd),
               -sum(under_recommendation_usd)
        FROM old_rows WHERE in_portfolio GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (team_id, tier, draft) DO UPDATE SET features = t.features + excluded.features,
            moving = t.moving + excluded.moving, spend_today_usd = t.spend_today_usd + excluded.spend_today_usd,
            under_recommendation_usd = t.under_recommendation_usd + excluded.under_recommendation_usd;
    ELSE
        INSERT INTO portfolio_total AS t (team_id, tier, draft, features, moving, spend_today_usd, under_recommendation_usd)
        SELECT team_id, tier, draft, sum(features), sum(moving), sum(spend), sum(under)
        FROM (SELECT n.team_id, n.recommended_tier AS tier, n.draft, 1 AS features, CASE WHEN n.stays THEN 0 ELSE 1 END AS moving,
                     n.spend_today_usd AS spend, n.under_recommendation_usd AS under
              FROM new_rows n WHERE n.in_portfolio
              UNION ALL
              SELECT o.team_id, o.recommended_tier, o.draft, -1, CASE WHEN o.stays THEN 0 ELSE -1 END, -o.spend_today_usd,
                     -o.under_recommendation_usd
              FROM old_rows o WHERE o.in_portfolio) d
        GROUP BY 1, 2, 3
        HAVING sum(features) <> 0 OR sum(moving) <> 0 OR sum(spend) <> 0 OR sum(under) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT (team_id, tier, draft) DO UPDATE SET features = t.features + excluded.features,
            moving = t.moving + excluded.moving, spend_today_usd = t.spend_today_usd + excluded.spend_today_usd,
            under_recommendation_usd = t.under_recommendation_usd + excluded.under_recommendation_usd;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER proposal_estimate_total_insert AFTER INSERT ON proposal_estimate REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION portfolio_total_apply();
CREATE TRIGGER proposal_estimate_total_update AFTER UPDATE ON proposal_estimate
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portfolio_total_apply();
CREATE TRIGGER proposal_estimate_total_delete AFTER DELETE ON proposal_estimate REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION portfolio_total_apply();

-- Which estimate stands for each of these features: its latest proposal (by updated_at, then id) that has not ended.
-- Also copies each proposal's team and draft state. Only rows that change are written.
CREATE FUNCTION portfolio_pick(features bigint[]) RETURNS void LANGUAGE sql AS
$$
    UPDATE proposal_estimate e SET in_portfolio = x.pick, draft = x.draft, team_id = x.team_id
    FROM (SELECT p.id, p.team_id, p.status = 'DRAFT' AS draft,
                 coalesce(p.id = (SELECT q.id FROM proposal q WHERE q.feature_id = p.feature_id
                                  AND q.status NOT IN ('WITHDRAWN', 'SUPERSEDED', 'REJECTED')
                                  ORDER BY q.updated_at DESC, q.id DESC LIMIT 1), false) AS pick
          FROM proposal p WHERE p.feature_id = ANY (features)) x
    WHERE e.proposal_id = x.id AND (e.in_portfolio, e.draft, e.team_id) IS DISTINCT FROM (x.pick, x.draft, x.team_id);
$$;

-- The columns of a proposal that are its workflow, not what it is costed on: a change to any other column marks its
-- estimate stale unless the app re-costs it in the same transaction.
CREATE FUNCTION proposal_costing_inputs(p jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
$$
    SELECT p - ARRAY['status', 'steps_saved', 'title', 'owner_id', 'withdrawn_reason', 'submitted_at', 'created_at',
                     'updated_at', 'version', 'review_round', 'decided_tier', 'decided_at', 'next_review_on', 'due_reasons',
                     'due_since', 'supersedes_id', 'superseded_by_id', 'constraints_notes', 'team_id', 'feature_id']
$$;

CREATE FUNCTION proposal_estimate_follow() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM portfolio_pick(ARRAY(SELECT DISTINCT feature_id FROM new_rows));
    ELSE
        UPDATE proposal_estimate e SET stale = true FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE e.proposal_id = n.id AND NOT e.stale
          AND proposal_costing_inputs(to_jsonb(n)) IS DISTINCT FROM proposal_costing_inputs(to_jsonb(o));
        PERFORM portfolio_pick(ARRAY(
            SELECT n.feature_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.status, n.updated_at, n.team_id, n.feature_id) IS DISTINCT FROM (o.status, o.updated_at, o.team_id, o.feature_id)
            UNION SELECT o.feature_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.feature_id <> o.feature_id));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER proposal_estimate_follow_insert AFTER INSERT ON proposal REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION proposal_estimate_follow();
CREATE TRIGGER proposal_estimate_follow_update AFTER UPDATE ON proposal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION proposal_estimate_follow();

-- An eval run added, changed or removed changes what its proposal is costed on.
CREATE FUNCTION eval_result_estimate_stale() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE proposal_estimate SET stale = true WHERE NOT stale AND proposal_id IN (SELECT proposal_id FROM old_rows);
    ELSE
        UPDATE proposal_estimate SET stale = true WHERE NOT stale AND proposal_id IN (SELECT proposal_id FROM new_rows);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER eval_result_estimate_insert AFTER INSERT ON eval_result REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION eval_result_estimate_stale();
CREATE TRIGGER eval_result_estimate_update AFTER UPDATE ON eval_result REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION eval_result_estimate_stale();
CREATE TRIGGER eval_result_estimate_delete AFTER DELETE ON eval_result REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION eval_result_estimate_stale();

-- A catalog re-check (re-opening decisions whose prices moved, re-costing the estimates) runs in the background after
-- the catalog change commits; this row is what the admin's page shows while it runs and when it is done.
CREATE TABLE catalog_recheck (
    id           bigserial    PRIMARY KEY,
    ref          varchar(80)  NOT NULL,
    actor        varchar(100) NOT NULL,
    requested_at timestamptz  NOT NULL,
    started_at   timestamptz,
    heartbeat_at timestamptz,
    finished_at  timestamptz,
    checked      integer      NOT NULL DEFAULT 0,
    reopened     integer      NOT NULL DEFAULT 0,
    recosted     integer      NOT NULL DEFAULT 0,
    reopened_ids bigint[]     NOT NULL DEFAULT '{}',
    error        varchar(500)
);
CREATE INDEX catalog_recheck_ref_idx ON catalog_recheck (ref, id);
CREATE INDEX catalog_recheck_pending_idx ON catalog_recheck (id) WHERE finished_at IS NULL;
