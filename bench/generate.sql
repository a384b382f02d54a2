-- bench/generate.sql: a large organisation for the benchmark, generated into a migrated database that holds the demo
-- data (start the app once with -Dhosting-review.demo=true). Run as the schema owner:
--
--   psql -v ON_ERROR_STOP=1 -v scale=100 -f bench/generate.sql 'postgresql://owner@host:port/db'
--
-- At scale s (default 100) it adds 2s teams, 20s users (10 per team), 200s features (100 per team), 1,000s proposals
-- (5 per feature), about 3,000s eval runs, and about 10,000s audit events, chained like the app chains them (the
-- insert goes through the audit_event_chain trigger). Every generated proposal is a copy of one of the twelve demo
-- proposals (status, workload, answers, reviews with their frozen snapshots, eval runs, check-ins, notifications,
-- audit events), so every constraint and trigger holds and every page renders real figures: 30% of the copies are
-- approved decisions, 15% are due for review. Reviewers always come from another team (separation of duties).
-- Run it once per database: names are numbered from what exists.
\if :{?scale}
\else
\set scale 100
\endif
\timing on
SET client_min_messages = warning;

BEGIN;
SELECT :scale::int AS scale \gset

CREATE TEMP TABLE bench_base AS SELECT
    (SELECT coalesce(max(id), 0) FROM team) AS team0,
    (SELECT coalesce(max(id), 0) FROM app_user) AS user0,
    (SELECT coalesce(max(id), 0) FROM feature) AS feature0,
    (SELECT coalesce(max(id), 0) FROM proposal) AS proposal0,
    (SELECT coalesce(max(id), 0) FROM review) AS review0,
    (SELECT coalesce(max(id), 0) FROM checkin) AS checkin0,
    (SELECT count(*) FROM team WHERE name LIKE 'Bench %') AS existing,
    2 * :scale AS teams,
    (SELECT password_hash FROM app_user WHERE username = 'priya') AS hash;

DO $$ BEGIN
    IF (SELECT existing FROM bench_base) > 0 THEN
        RAISE EXCEPTION 'bench data is already here: generate into a fresh demo database';
    END IF;
    IF (SELECT count(*) FROM proposal) < 12 OR (SELECT hash FROM bench_base) IS NULL THEN
        RAISE EXCEPTION 'start the app once with -Dhosting-review.demo=true first: the demo data are the templates';
    END IF;
END $$;

-- The twelve demo proposals, weighted: of every 20 copies 6 are approved (demo 1 and 10), 3 due (6, 8, 11).
CREATE TEMP TABLE bench_slot (slot int PRIMARY KEY, template bigint NOT NULL);
INSERT INTO bench_slot
SELECT s - 1, (ARRAY[1, 10, 3, 1, 10, 5, 1, 10, 7, 6, 8, 11, 12, 2, 4, 9, 3, 5, 7, 12])[s] FROM generate_series(1, 20) s;

-- Demo users as roles in a team: the owner/editor of a copy is a proposer of its team, its reviewers come from the
-- next teams (demo reviewer 4 and 5: next team, 6: the one after).
CREATE TEMP TABLE bench_who (demo_user bigint PRIMARY KEY, team_shift int NOT NULL, member int NOT NULL);
INSERT INTO bench_who VALUES (1, 0, 3), (2, 0, 0), (3, 0, 1), (4, 1, 8), (5, 0, 2), (6, 2, 8);

-- teams 1..2s and their users: members 0..7 propose, 8 and 9 review (and propose)
INSERT INTO team (id, name, created_at)
SELECT b.team0 + t, format('Bench %s', lpad(t::text, 4, '0')), now() - interval '3 years'
FROM bench_base b, generate_series(1, (SELECT teams FROM bench_base)) t;

INSERT INTO app_user (id, username, display_name, email, password_hash, active, team_id, created_at, updated_at)
SELECT b.user0 + (t - 1) * 10 + m + 1, format('bench%s-%s', lpad(t::text, 4, '0'), m),
       format('Bench user %s.%s', t, m), format('bench%s-%s@example.com', t, m), b.hash, true, b.team0 + t,
       now() - interval '3 years', now() - interval '3 years'
FROM bench_base b, generate_series(1, (SELECT teams FROM bench_base)) t, generate_series(0, 9) m;

INSERT INTO user_role (user_id, role)
SELECT u.id, 'PROPOSER' FROM app_user u JOIN team t ON t.id = u.team_id WHERE t.name LIKE 'Bench %';
INSERT INTO user_role (user_id, role)
SELECT u.id, 'REVIEWER' FROM app_user u JOIN team t ON t.id = u.team_id
WHERE t.name LIKE 'Bench %' AND (u.username LIKE '%-8' OR u.username LIKE '%-9');
-- granted when the account was made, long before any generated submission (four eyes counts them)
UPDATE role_grant g SET granted_at = u.created_at FROM app_user u WHERE u.id = g.user_id AND u.username LIKE 'bench%';

-- the user standing for a demo user in copy team t
CREATE FUNCTION pg_temp.bench_user(demo_user bigint, t int) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT b.user0 + ((t - 1 + w.team_shift) % b.teams) * 10 + w.member + 1
    FROM bench_base b JOIN bench_who w ON w.demo_user = coalesce(bench_user.demo_user, 2)
$$;

INSERT INTO feature (id, team_id, name, description, created_by, created_at)
SELECT b.feature0 + f, b.team0 + (f - 1) / 100 + 1, format('Bench feature %s', f),
       'A generated feature for the benchmark.', b.user0 + ((f - 1) / 100) * 10 + 1, now() - interval '2 years'
FROM bench_base b, generate_series(1, 100 * (SELECT teams FROM bench_base)) f;

-- g = 1..1000s: copy g of demo proposal template(g), feature (g-1)/5+1, team (g-1)/500+1
CREATE TEMP TABLE bench_copy AS
SELECT g, b.proposal0 + g AS id, s.template, (g - 1) / 500 + 1 AS t, b.feature0 + (g - 1) / 5 + 1 AS feature_id,
       b.team0 + (g - 1) / 500 + 1 AS team_id,
       -- spread over two years, newest last; pairs share a timestamp (the keyset's tie-break on id)
       interval '1 second' * (((1000 * :scale - g) / 2) * (126144 / :scale)) AS age
FROM bench_base b, generate_series(1, 1000 * :scale) g JOIN bench_slot s ON s.slot = (g - 1) % 20;
CREATE INDEX ON bench_copy (template);
ANALYZE bench_copy;

ALTER TABLE proposal DISABLE TRIGGER proposal_status_transition;
INSERT INTO proposal (id, feature_id, team_id, owner_id, title, status, steps_saved, incumbent_provider, incumbent_model,
    current_tier, candidate_models, task_shape, requests_per_month, input_tokens_per_request, output_tokens_per_request,
    cached_input_share, peak_to_average, busy_day_tokens, quiet_day_tokens, ttft_target_ms, current_monthly_spend_usd,
    mlops_engineers, hires_planned, hosted_open_tried, hosted_open_provider, hosted_open_model, hosted_open_months_run,
    hosted_open_monthly_cost_usd, hosted_open_quality, upgrade_owner, upgrade_cadence_months,
    upgrade_effort_engineer_months, no_eval_yet, eval_set_name, eval_set_size, pass_criterion, data_residency, air_gapped,
    reproducibility_required, custom_weights, needs_multimodal, needs_tool_use, needs_long_context,
    needs_structured_output, iterating_fast, ai_infra_company, sovereign, moat_fine_tune, self_host_estimate_usd,
    self_host_planned_replicas, constraints_notes, withdrawn_reason, submitted_at, created_at, updated_at, version,
    review_round, decided_tier, decided_at, next_review_on, due_reasons, due_since, gpu_procurement, support_24x7)
SELECT c.id, c.feature_id, c.team_id, pg_temp.bench_user(p.owner_id, c.t), left(format('%s (bench %s)', p.title, c.id), 200),
    p.status, p.steps_saved, p.incumbent_provider, p.incumbent_model,
    p.current_tier, p.candidate_models, p.task_shape, p.requests_per_month, p.input_tokens_per_request,
    p.output_tokens_per_request, p.cached_input_share, p.peak_to_average, p.busy_day_tokens, p.quiet_day_tokens,
    p.ttft_target_ms, p.current_monthly_spend_usd, p.mlops_engineers, p.hires_planned, p.hosted_open_tried,
    p.hosted_open_provider, p.hosted_open_model, p.hosted_open_months_run, p.hosted_open_monthly_cost_usd,
    p.hosted_open_quality, p.upgrade_owner, p.upgrade_cadence_months, p.upgrade_effort_engineer_months, p.no_eval_yet,
    p.eval_set_name, p.eval_set_size, p.pass_criterion, p.data_residency, p.air_gapped, p.reproducibility_required,
    p.custom_weights, p.needs_multimodal, p.needs_tool_use, p.needs_long_context, p.needs_structured_output,
    p.iterating_fast, p.ai_infra_company, p.sovereign, p.moat_fine_tune, p.self_host_estimate_usd,
    p.self_host_planned_replicas, p.constraints_notes, p.withdrawn_reason, p.submitted_at - c.age, p.created_at - c.age,
    p.updated_at - c.age, 0, p.review_round, p.decided_tier, p.decided_at - c.age, p.next_review_on, p.due_reasons,
    p.due_since, p.gpu_procurement, p.support_24x7
FROM bench_copy c JOIN proposal p ON p.id = c.template;
ALTER TABLE proposal ENABLE ALWAYS TRIGGER proposal_status_transition;

INSERT INTO proposal_editor (proposal_id, user_id)
SELECT c.id, pg_temp.bench_user(e.user_id, c.t) FROM bench_copy c JOIN proposal_editor e ON e.proposal_id = c.template
ON CONFLICT DO NOTHING;

-- eval runs: the template's runs, plus one or two earlier runs of each (the latest run per model counts)
INSERT INTO eval_result (proposal_id, model, role, tier, eval_set, sample_size, score_kind, score, run_date, notes,
                         entered_by, entered_at)
SELECT c.id, e.model, e.role, e.tier, e.eval_set, e.sample_size, e.score_kind,
       CASE WHEN k = 0 THEN e.score ELSE greatest(0, e.score - k * (CASE WHEN e.score_kind = 'FRACTION' THEN 0.01 ELSE 1 END)) END,
       e.run_date - 30 * k, e.notes, pg_temp.bench_user(e.entered_by, c.t), e.entered_at - c.age - interval '30 days' * k
FROM bench_copy c JOIN eval_result e ON e.proposal_id = c.template
CROSS JOIN LATERAL generate_series(0, 1 + c.g % 2) k;

-- reviews, frozen snapshots included (copied as stored)
ALTER TABLE review DISABLE TRIGGER review_independent;
INSERT INTO review (id, proposal_id, reviewer_id, round, verdict, chosen_tier, recommended_tier, rationale, justification,
                    conditions, next_review_on, submission_token, snapshot, created_at, completes_decision)
SELECT b.review0 + row_number() OVER (ORDER BY c.g, r.id), c.id, pg_temp.bench_user(r.reviewer_id, c.t), r.round,
       r.verdict, r.chosen_tier, r.recommended_tier, r.rationale, r.justification, r.conditions, r.next_review_on,
       md5(c.id::text || ':' || r.id::text) || md5(r.submission_token || c.id::text),
       r.snapshot, r.created_at - c.age, r.completes_decision
FROM bench_base b, bench_copy c JOIN review r ON r.proposal_id = c.template;
ALTER TABLE review ENABLE ALWAYS TRIGGER review_independent;
-- what the disabled trigger would have checked, in one statement
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM review r JOIN proposal p ON p.id = r.proposal_id
               WHERE r.id > (SELECT review0 FROM bench_base)
                 AND (p.owner_id = r.reviewer_id OR EXISTS (SELECT 1 FROM proposal_editor e
                      WHERE e.proposal_id = r.proposal_id AND e.user_id = r.reviewer_id))) THEN
        RAISE EXCEPTION 'a generated reviewer owns or edited the proposal';
    END IF;
END $$;

INSERT INTO checkin (id, proposal_id, period_start, period_end, requests, input_tokens_per_request,
                     output_tokens_per_request, spend_usd, spend_tier, observed_quality, incidents, notes, source, reopened,
                     reasons, recommended_tier, entered_by, created_at, idempotency_key)
SELECT b.checkin0 + row_number() OVER (ORDER BY c.g, k.id), c.id, k.period_start, k.period_end, k.requests,
       k.input_tokens_per_request, k.output_tokens_per_request, k.spend_usd, k.spend_tier, k.observed_quality, k.incidents,
       k.notes, k.source, k.reopened, k.reasons, k.recommended_tier, pg_temp.bench_user(k.entered_by, c.t),
       k.created_at - c.age, k.idempotency_key
FROM bench_base b, bench_copy c JOIN checkin k ON k.proposal_id = c.template;

-- the notifications the copies' history produced, already sent (so the sweep finds them and mails nothing)
INSERT INTO notification (proposal_id, kind, event_key, subject, body, recipients, created_at, sent_at)
SELECT c.id, n.kind, regexp_replace(n.event_key, '^([a-z]+):' || c.template || ':', '\1:' || c.id || ':'),
       n.subject, n.body, n.recipients, n.created_at - c.age, coalesce(n.sent_at, n.created_at) - c.age
FROM bench_copy c JOIN notification n ON n.proposal_id = c.template;

-- the audit trail: each copy's history as the demo recorded it, topped up with step saves to ten events a copy, in
-- time order; the chain trigger links each row (seq, prev_hash, hash) as the app's inserts do
CREATE TEMP TABLE bench_event AS
SELECT c.g, c.id, c.team_id, e.seq AS k, e.occurred_at - c.age AS occurred_at, e.actor, e.action, e.details
FROM bench_copy c JOIN audit_event e ON e.entity_type = 'proposal' AND e.entity_id = c.template::text;
INSERT INTO bench_event
SELECT c.g, c.id, c.team_id, -k, p.created_at + interval '1 minute' * k, 'bench', 'PROPOSAL_STEP_SAVED',
       jsonb_build_object('step', 1 + k % 8)
FROM bench_copy c JOIN proposal p ON p.id = c.id
JOIN (SELECT c2.template, count(e.id) AS n FROM (SELECT DISTINCT template FROM bench_copy) c2
      LEFT JOIN audit_event e ON e.entity_type = 'proposal' AND e.entity_id = c2.template::text
      GROUP BY c2.template) had ON had.template = c.template
CROSS JOIN LATERAL generate_series(1, greatest(0, 10 - had.n::int)) k;
-- a rare action, for the filtered audit page
INSERT INTO bench_event
SELECT c.g, c.id, c.team_id, 1000000, p.created_at + interval '5 minutes', 'bench', 'EVAL_REMOVED',
       jsonb_build_object('model', 'bench-model')
FROM bench_copy c JOIN proposal p ON p.id = c.id WHERE c.g % 5000 = 1;

INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, team_id, details)
SELECT occurred_at, actor, action, 'proposal', id::text, team_id, details FROM bench_event ORDER BY g, occurred_at, k;

-- the stored estimates the portfolio reads: a copy is costed like its template (the same inputs and, latest per model,
-- the same eval runs); which copy stands for its feature, and the per-team totals, follow by the database's triggers
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT template FROM bench_copy) c
               LEFT JOIN proposal_estimate e ON e.proposal_id = c.template WHERE e.proposal_id IS NULL OR e.stale) THEN
        RAISE EXCEPTION 'a demo proposal has no fresh stored estimate: start the app once on this database first';
    END IF;
END $$;
INSERT INTO proposal_estimate (proposal_id, team_id, draft, today_tier, recommended_tier, frontier_usd, hosted_open_usd,
                               self_hosted_usd, spend_today_usd, under_recommendation_usd, plan, catalog_as_of, computed_at)
SELECT c.id, c.team_id, p.status = 'DRAFT', e.today_tier, e.recommended_tier, e.frontier_usd, e.hosted_open_usd,
       e.self_hosted_usd, e.spend_today_usd, e.under_recommendation_usd, e.plan, e.catalog_as_of, e.computed_at
FROM bench_copy c JOIN proposal_estimate e ON e.proposal_id = c.template JOIN proposal p ON p.id = c.id ORDER BY c.id;
SELECT portfolio_pick(ARRAY(SELECT DISTINCT feature_id FROM bench_copy));

SELECT setval('team_id_seq', (SELECT max(id) FROM team)), setval('app_user_id_seq', (SELECT max(id) FROM app_user)),
       setval('feature_id_seq', (SELECT max(id) FROM feature)), setval('proposal_id_seq', (SELECT max(id) FROM proposal)),
       setval('review_id_seq', (SELECT max(id) FROM review)),
       setval('checkin_id_seq', greatest(1, (SELECT max(id) FROM checkin)));
COMMIT;

ANALYZE team, app_user, user_role, role_grant, feature, proposal, proposal_editor, eval_result, review, checkin, notification, audit_event,
    proposal_estimate, portfolio_total;
SELECT (SELECT count(*) FROM team) AS teams, (SELECT count(*) FROM app_user) AS users,
       (SELECT count(*) FROM feature) AS features, (SELECT count(*) FROM proposal) AS proposals,
       (SELECT count(*) FROM proposal WHERE status = 'APPROVED') AS approved,
       (SELECT count(*) FROM eval_result) AS eval_runs, (SELECT count(*) FROM review) AS reviews,
       (SELECT count(*) FROM audit_event) AS audit_events,
       (SELECT count(*) FROM proposal_estimate WHERE in_portfolio) AS portfolio_features;
