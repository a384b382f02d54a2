-- Re-open reasons, typed (issue 10): "CODE: text" strings become {trigger, subject, then, now, text}; a rule id is a
-- RULE_FLIPPED trigger about that rule, a price change is about its catalog row. And check-ins remember the API's
-- Idempotency-Key, so a retried request records nothing twice.
CREATE FUNCTION pg_temp.reason_of(line text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
$$
SELECT jsonb_build_object(
    'trigger', CASE WHEN code IN ('SCHEDULED', 'RECOMMENDATION_CHANGED', 'BREAK_EVEN_CROSSED', 'RULE_FLIPPED', 'COST_MOVED',
                                  'VOLUME_DOUBLED', 'PRICE_CHANGED', 'GATE_OPENED') THEN code ELSE 'RULE_FLIPPED' END,
    'subject', CASE WHEN code = 'PRICE_CHANGED' THEN split_part(rest, ' ', 1)
                    WHEN code IN ('SCHEDULED', 'RECOMMENDATION_CHANGED', 'BREAK_EVEN_CROSSED', 'RULE_FLIPPED', 'COST_MOVED',
                                  'VOLUME_DOUBLED', 'GATE_OPENED') THEN NULL ELSE code END,
    'then', NULL, 'now', NULL, 'text', rest)
FROM (SELECT split_part(line, ':', 1) AS code, btrim(substr(line, length(split_part(line, ':', 1)) + 2)) AS rest) parts
$$;

UPDATE proposal SET due_reasons = (SELECT coalesce(jsonb_agg(pg_temp.reason_of(x)), '[]'::jsonb)
                                   FROM jsonb_array_elements_text(due_reasons) x)
WHERE jsonb_typeof(due_reasons) = 'array' AND jsonb_array_length(due_reasons) > 0 AND jsonb_typeof(due_reasons -> 0) = 'string';

UPDATE checkin SET reasons = (SELECT coalesce(jsonb_agg(pg_temp.reason_of(x)), '[]'::jsonb)
                              FROM jsonb_array_elements_text(reasons) x)
WHERE jsonb_typeof(reasons) = 'array' AND jsonb_array_length(reasons) > 0 AND jsonb_typeof(reasons -> 0) = 'string';

ALTER TABLE checkin ADD COLUMN idempotency_key varchar(100);
CREATE UNIQUE INDEX checkin_idempotency_idx ON checkin (proposal_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
