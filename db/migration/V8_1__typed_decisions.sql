-- Decisions, typed (issue 10). Which approval completed a round (the decision in force is the latest of those: an
-- approval still waiting for its second reviewer is not a decision), and every frozen snapshot converted from the
-- untyped map of schema 1 to the DecisionSnapshot record of schema 2.
ALTER TABLE review ADD COLUMN completes_decision boolean NOT NULL DEFAULT false;

-- Reviews are append-only; this one-off conversion is the only change ever made to them.
ALTER TABLE review DISABLE TRIGGER review_append_only;
ALTER TABLE review DISABLE TRIGGER review_independent;

-- An approval completed its round when it made the decision (the proposal's decided_at), or when it was the last
-- approval of an earlier round that no other verdict ended.
UPDATE review r SET completes_decision = true
FROM proposal p
WHERE r.proposal_id = p.id AND r.verdict = 'APPROVE' AND (
    r.created_at = p.decided_at
    OR (r.round < p.review_round
        AND r.id = (SELECT max(r2.id) FROM review r2 WHERE r2.proposal_id = r.proposal_id AND r2.round = r.round
                    AND r2.verdict = 'APPROVE')
        AND NOT EXISTS (SELECT 1 FROM review r3 WHERE r3.proposal_id = r.proposal_id AND r3.round = r.round
                        AND r3.verdict <> 'APPROVE')));

CREATE FUNCTION pg_temp.num(value jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN value IS NULL OR jsonb_typeof(value) = 'null' THEN NULL
               ELSE NULLIF(trim(both '"' from value::text), '')::numeric END $$;

UPDATE review r SET snapshot = jsonb_build_object(
    'schemaVersion', 2,
    'takenAt', s -> 'takenAt',
    'asOf', s -> 'asOf',
    'proposal', jsonb_build_object(
        'id', s -> 'proposal' -> 'id', 'title', s -> 'proposal' -> 'title', 'feature', s -> 'proposal' -> 'feature',
        'featureDescription', s -> 'proposal' -> 'featureDescription', 'team', s -> 'proposal' -> 'team',
        'owner', s -> 'proposal' -> 'owner', 'round', s -> 'proposal' -> 'round',
        'incumbentProvider', a -> 'incumbentProvider', 'incumbentModel', a -> 'incumbentModel',
        'currentTier', a -> 'currentTier', 'constraints', coalesce(s -> 'proposal' -> 'constraints', '[]'::jsonb)),
    'basis', jsonb_build_object('kind', 'FILED'),
    'workload', jsonb_build_object(
        'requestsPerMonth', coalesce(s -> 'requestsPerMonth', '0'::jsonb),
        'inputTokensPerRequest', coalesce(pg_temp.num(a -> 'inputTokensPerRequest'), 0),
        'outputTokensPerRequest', coalesce(pg_temp.num(a -> 'outputTokensPerRequest'), 0),
        'cachedInputShare', coalesce(pg_temp.num(a -> 'cachedInputShare'), 0),
        'peakToAverage', greatest(1, coalesce(pg_temp.num(a -> 'peakToAverage'), 1)),
        'ttftTargetMs', pg_temp.num(a -> 'ttftTargetMs')),
    'answers', jsonb_build_object(
        'monthlySpendUsd', pg_temp.num(a -> 'currentMonthlySpendUsd'),
        'spendTier', coalesce(NULLIF(a -> 'currentTier', 'null'::jsonb), '"FRONTIER_CLOSED"'::jsonb),
        'mlOpsEngineers', pg_temp.num(a -> 'mlOpsEngineers'),
        'hiresPlanned', a -> 'hiresPlanned',
        'hostedOpenMonthsRun', pg_temp.num(a -> 'hostedOpenMonthsRun'),
        'upgradeOwner', a -> 'upgradeOwner',
        'evalSet', a -> 'evalSetName',
        'selfHostEstimateUsd', pg_temp.num(a -> 'selfHostEstimateUsd'),
        'selfHostPlannedReplicas', pg_temp.num(a -> 'selfHostPlannedReplicas')),
    'evals', coalesce((SELECT jsonb_agg(jsonb_build_object('model', e -> 'model', 'role', e -> 'role', 'tier', e -> 'tier',
                'evalSet', e -> 'evalSet', 'sampleSize', pg_temp.num(e -> 'sampleSize'), 'scoreKind', e -> 'scoreKind',
                'score', coalesce(pg_temp.num(e -> 'score'), 0), 'runDate', e -> 'runDate'))
            FROM jsonb_array_elements(coalesce(s -> 'evals', '[]'::jsonb)) e), '[]'::jsonb),
    'catalog', coalesce((SELECT jsonb_agg(jsonb_build_object('key', c -> 'param', 'value', coalesce(pg_temp.num(c -> 'value'), 0),
                'kind', c -> 'kind', 'ref', c -> 'ref', 'describes', c -> 'describes', 'source', NULL,
                'effectiveFrom', NULL, 'checkedOn', c -> 'checkedOn'))
            FROM jsonb_array_elements(coalesce(s -> 'catalog', '[]'::jsonb)) c), '[]'::jsonb),
    'tiers', coalesce((SELECT jsonb_object_agg(t.key, jsonb_build_object('monthlyCost', pg_temp.num(t.value), 'upfrontCost', NULL))
            FROM jsonb_each(coalesce(s -> 'monthlyCost', '{}'::jsonb)) t), '{}'::jsonb),
    'rules', coalesce((SELECT jsonb_agg(jsonb_build_object('id', rule.id,
                'kind', (SELECT g -> 'kind' FROM jsonb_array_elements(coalesce(s -> 'view' -> 'ruleGroups', '[]'::jsonb)) g,
                         jsonb_array_elements(coalesce(g -> 'rules', '[]'::jsonb)) gr WHERE gr -> 'id' = rule.id LIMIT 1),
                'reason', (SELECT gr -> 'reason' FROM jsonb_array_elements(coalesce(s -> 'view' -> 'ruleGroups', '[]'::jsonb)) g,
                         jsonb_array_elements(coalesce(g -> 'rules', '[]'::jsonb)) gr WHERE gr -> 'id' = rule.id LIMIT 1)))
            FROM jsonb_array_elements(coalesce(s -> 'rules', '[]'::jsonb)) AS rule(id)), '[]'::jsonb),
    'recommendedTier', s -> 'recommendedTier',
    'chosenTier', to_jsonb(r.chosen_tier),
    'plan', '[]'::jsonb,
    'view', s -> 'view')
FROM (SELECT id, snapshot AS s, snapshot -> 'proposal' -> 'answers' AS a FROM review) old
WHERE old.id = r.id AND NOT (old.s ? 'schemaVersion');

ALTER TABLE review ENABLE ALWAYS TRIGGER review_independent;
ALTER TABLE review ENABLE ALWAYS TRIGGER review_append_only;
