-- The effective-dated pricing catalog. Rows are never changed: a new price is a new row with a later
-- effective_from, so a proposal costed "as of" a date always finds the values in force that day.
CREATE TABLE model_price (
    id                         bigserial PRIMARY KEY,
    provider                   varchar(80)    NOT NULL,
    model                      varchar(80)    NOT NULL,
    tier                       varchar(20)    NOT NULL,
    input_usd_per_mtok         numeric(12, 4) NOT NULL,
    output_usd_per_mtok        numeric(12, 4) NOT NULL,
    cached_input_usd_per_mtok  numeric(12, 4),
    effective_from             date           NOT NULL,
    source                     varchar(500)   NOT NULL,
    checked_on                 date           NOT NULL,
    created_by                 varchar(60)    NOT NULL,
    created_at                 timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT model_price_tier CHECK (tier IN ('FRONTIER_CLOSED', 'HOSTED_OPEN')),
    CONSTRAINT model_price_positive CHECK (input_usd_per_mtok >= 0 AND output_usd_per_mtok >= 0
        AND (cached_input_usd_per_mtok IS NULL OR cached_input_usd_per_mtok >= 0))
);
CREATE INDEX model_price_key_idx ON model_price (lower(model), provider, effective_from DESC);

CREATE TABLE gpu_price (
    id             bigserial PRIMARY KEY,
    gpu            varchar(80)    NOT NULL,
    memory_gb      integer        NOT NULL,
    usd_per_hour   numeric(10, 4) NOT NULL,
    effective_from date           NOT NULL,
    source         varchar(500)   NOT NULL,
    checked_on     date           NOT NULL,
    created_by     varchar(60)    NOT NULL,
    created_at     timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT gpu_price_positive CHECK (usd_per_hour > 0 AND memory_gb > 0)
);

CREATE TABLE serving_throughput (
    id                 bigserial PRIMARY KEY,
    model              varchar(80)   NOT NULL,
    gpu                varchar(80)   NOT NULL,
    tokens_per_second  numeric(14, 2) NOT NULL,
    gpus_per_replica   integer       NOT NULL,
    source_kind        varchar(20)   NOT NULL,
    effective_from     date          NOT NULL,
    source             varchar(500)  NOT NULL,
    checked_on         date          NOT NULL,
    created_by         varchar(60)   NOT NULL,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT throughput_kind CHECK (source_kind IN ('BENCHMARK', 'ESTIMATE')),
    CONSTRAINT throughput_positive CHECK (tokens_per_second > 0 AND gpus_per_replica > 0)
);

CREATE TABLE policy_value (
    id             bigserial PRIMARY KEY,
    param          varchar(60)    NOT NULL,
    value          numeric(18, 6) NOT NULL,
    effective_from date           NOT NULL,
    source         varchar(500)   NOT NULL,
    checked_on     date           NOT NULL,
    created_by     varchar(60)    NOT NULL,
    created_at     timestamptz    NOT NULL DEFAULT now()
);

CREATE FUNCTION catalog_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the pricing catalog is effective-dated: add a new row instead of % on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER model_price_append_only BEFORE UPDATE OR DELETE ON model_price FOR EACH ROW EXECUTE FUNCTION catalog_reject_change();
CREATE TRIGGER gpu_price_append_only BEFORE UPDATE OR DELETE ON gpu_price FOR EACH ROW EXECUTE FUNCTION catalog_reject_change();
CREATE TRIGGER serving_throughput_append_only BEFORE UPDATE OR DELETE ON serving_throughput FOR EACH ROW EXECUTE FUNCTION catalog_reject_change();
CREATE TRIGGER policy_value_append_only BEFORE UPDATE OR DELETE ON policy_value FOR EACH ROW EXECUTE FUNCTION catalog_reject_change();

-- A proposal's saved what-if assumptions (parameter name -> value) and the day it is costed as of.
ALTER TABLE proposal ADD COLUMN assumptions jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE proposal ADD COLUMN costed_as_of date;

-- Seed. Prices are the public list prices as published on each provider's pricing page on the day in
-- checked_on (per 1M tokens; standard tier, no batch discount). Where the framework's worked example fixes a
-- figure (Together's Llama 3 70B at about $9k/month for 32.5B tokens, an H100 pair at ~$2.74/GPU-hour,
-- 30,000 tokens/s per replica) the row cites the framework instead of a page.
INSERT INTO model_price (provider, model, tier, input_usd_per_mtok, output_usd_per_mtok, cached_input_usd_per_mtok, effective_from, source, checked_on, created_by) VALUES
 ('OpenAI', 'gpt-4.1', 'FRONTIER_CLOSED', 2.00, 8.00, 0.50, '2025-04-14', 'https://openai.com/api/pricing/', '2025-06-02', 'seed'),
 ('OpenAI', 'gpt-4.1-mini', 'FRONTIER_CLOSED', 0.40, 1.60, 0.10, '2025-04-14', 'https://openai.com/api/pricing/', '2025-06-02', 'seed'),
 ('OpenAI', 'gpt-4o', 'FRONTIER_CLOSED', 2.50, 10.00, 1.25, '2024-10-01', 'https://openai.com/api/pricing/', '2025-06-02', 'seed'),
 ('OpenAI', 'gpt-4o-mini', 'FRONTIER_CLOSED', 0.15, 0.60, 0.075, '2024-07-18', 'https://openai.com/api/pricing/', '2025-06-02', 'seed'),
 ('Azure OpenAI', 'gpt-4o', 'FRONTIER_CLOSED', 2.50, 10.00, 1.25, '2024-10-01', 'https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/', '2025-06-02', 'seed'),
 ('Anthropic', 'claude-sonnet-4', 'FRONTIER_CLOSED', 3.00, 15.00, 0.30, '2025-05-22', 'https://www.anthropic.com/pricing#api', '2025-06-02', 'seed'),
 ('Anthropic', 'claude-opus-4', 'FRONTIER_CLOSED', 15.00, 75.00, 1.50, '2025-05-22', 'https://www.anthropic.com/pricing#api', '2025-06-02', 'seed'),
 ('Google', 'gemini-2.5-pro', 'FRONTIER_CLOSED', 1.25, 10.00, 0.31, '2025-06-17', 'https://ai.google.dev/gemini-api/docs/pricing', '2025-06-20', 'seed'),
 ('Together', 'llama-3-70b', 'HOSTED_OPEN', 0.28, 0.28, NULL, '2025-01-01', 'framework worked example: Together running Llama 3 70B, $9k/month for 30M x 1,083 tokens', '2026-11-20', 'seed'),
 ('Together', 'llama-3.1-70b', 'HOSTED_OPEN', 0.88, 0.88, NULL, '2024-07-23', 'https://www.together.ai/pricing', '2025-06-02', 'seed'),
 ('Together', 'llama-3.3-70b', 'HOSTED_OPEN', 0.88, 0.88, NULL, '2024-12-06', 'https://www.together.ai/pricing', '2025-06-02', 'seed'),
 ('Together', 'llama-3.1-8b', 'HOSTED_OPEN', 0.18, 0.18, NULL, '2024-07-23', 'https://www.together.ai/pricing', '2025-06-02', 'seed'),
 ('Together', 'qwen-2.5-7b', 'HOSTED_OPEN', 0.30, 0.30, NULL, '2024-09-19', 'https://www.together.ai/pricing', '2025-06-02', 'seed'),
 ('Together', 'qwen-2.5-72b', 'HOSTED_OPEN', 1.20, 1.20, NULL, '2024-09-19', 'https://www.together.ai/pricing', '2025-06-02', 'seed'),
 ('Together', 'mistral-small-3', 'HOSTED_OPEN', 0.80, 0.80, NULL, '2025-01-30', 'https://www.together.ai/pricing', '2025-06-02', 'seed'),
 ('Fireworks', 'llama-3.1-8b', 'HOSTED_OPEN', 0.20, 0.20, NULL, '2024-07-23', 'https://fireworks.ai/pricing', '2025-06-02', 'seed'),
 ('Fireworks', 'llama-3.1-70b', 'HOSTED_OPEN', 0.90, 0.90, NULL, '2024-07-23', 'https://fireworks.ai/pricing', '2025-06-02', 'seed'),
 ('Fireworks', 'qwen-2.5-32b', 'HOSTED_OPEN', 0.90, 0.90, NULL, '2024-09-19', 'https://fireworks.ai/pricing', '2025-06-02', 'seed'),
 ('Groq', 'llama-3.1-8b', 'HOSTED_OPEN', 0.05, 0.08, NULL, '2024-07-23', 'https://groq.com/pricing', '2025-06-02', 'seed'),
 ('Groq', 'llama-3.3-70b', 'HOSTED_OPEN', 0.59, 0.79, NULL, '2024-12-06', 'https://groq.com/pricing', '2025-06-02', 'seed');

INSERT INTO gpu_price (gpu, memory_gb, usd_per_hour, effective_from, source, checked_on, created_by) VALUES
 ('H100 80GB', 80, 2.74, '2025-01-01', 'framework worked example: 3 replicas x 2 GPUs with redundancy = ~$12k/month', '2026-11-20', 'seed'),
 ('A100 80GB', 80, 1.79, '2024-06-01', 'https://lambda.ai/service/gpu-cloud#pricing', '2025-06-02', 'seed'),
 ('L40S 48GB', 48, 0.86, '2024-06-01', 'https://www.runpod.io/pricing', '2025-06-02', 'seed'),
 ('H200 141GB', 141, 3.59, '2025-01-01', 'https://www.runpod.io/pricing', '2025-06-02', 'seed');

INSERT INTO serving_throughput (model, gpu, tokens_per_second, gpus_per_replica, source_kind, effective_from, source, checked_on, created_by) VALUES
 ('llama-3-70b', 'H100 80GB', 30000, 2, 'ESTIMATE', '2025-01-01', 'framework / estimate API appendix: 30,000 tokens/s per 2-GPU replica at the latency target', '2026-11-20', 'seed'),
 ('llama-3.1-70b', 'H100 80GB', 30000, 2, 'ESTIMATE', '2025-01-01', 'same architecture as llama-3-70b (framework figure)', '2026-11-20', 'seed'),
 ('llama-3.3-70b', 'H100 80GB', 30000, 2, 'ESTIMATE', '2025-01-01', 'same architecture as llama-3-70b (framework figure)', '2026-11-20', 'seed'),
 ('llama-3-70b', 'A100 80GB', 14000, 4, 'ESTIMATE', '2025-01-01', 'vLLM tensor-parallel 4; prefill-heavy mix; planning estimate', '2025-06-02', 'seed'),
 ('llama-3.1-8b', 'L40S 48GB', 20000, 1, 'ESTIMATE', '2025-01-01', 'vLLM, short prompts, batch 64; planning estimate', '2025-06-02', 'seed'),
 ('llama-3.1-8b', 'H100 80GB', 45000, 1, 'ESTIMATE', '2025-01-01', 'vLLM, short prompts, batch 128; planning estimate', '2025-06-02', 'seed'),
 ('qwen-2.5-7b', 'L40S 48GB', 22000, 1, 'ESTIMATE', '2025-01-01', 'vLLM, short prompts; planning estimate', '2025-06-02', 'seed'),
 ('qwen-2.5-32b', 'H100 80GB', 18000, 1, 'ESTIMATE', '2025-01-01', 'vLLM FP8; planning estimate', '2025-06-02', 'seed'),
 ('qwen-2.5-72b', 'H100 80GB', 26000, 2, 'ESTIMATE', '2025-01-01', 'vLLM tensor-parallel 2; planning estimate', '2025-06-02', 'seed'),
 ('mistral-small-3', 'H100 80GB', 25000, 1, 'ESTIMATE', '2025-02-01', 'vLLM; planning estimate', '2025-06-02', 'seed'),
 ('llama-3.1-70b', 'H200 141GB', 24000, 1, 'ESTIMATE', '2025-01-01', 'vLLM FP8 on one H200; planning estimate', '2025-06-02', 'seed');

INSERT INTO policy_value (param, value, effective_from, source, checked_on, created_by) VALUES
 ('engineerUsdPerYear', 300000, '2025-01-01', 'framework: ML-ops engineers cost $300k+ all-in', '2026-11-20', 'seed'),
 ('mlOpsFtesRequired', 2, '2025-01-01', 'framework: 2-4 hosted ML engineers; the worked example plans 2', '2026-11-20', 'seed'),
 ('upgradeCadenceMonths', 6, '2025-01-01', 'framework: a new open model every 3-6 months', '2026-11-20', 'seed'),
 ('engineerMonthsPerUpgrade', 3, '2025-01-01', 'framework: ~1 engineer-quarter per upgrade', '2026-11-20', 'seed'),
 ('spareReplicas', 1, '2025-01-01', 'framework: redundancy policy N+1', '2026-11-20', 'seed'),
 ('minReplicas', 2, '2025-01-01', 'framework: a single GPU is a demo, not a production service', '2026-11-20', 'seed'),
 ('headroom', 0.8, '2025-01-01', 'planning headroom: run replicas at 80% of measured throughput', '2026-11-20', 'seed'),
 ('toolingUsdPerMonth', 500, '2025-01-01', 'observability and tooling, small flat figure (framework)', '2026-11-20', 'seed'),
 ('buildEngineerMonths', 12, '2025-01-01', 'framework: 6 months of tuning and eval build, 2 engineers', '2026-11-20', 'seed'),
 ('buildCalendarMonths', 6, '2025-01-01', 'framework: 6 months to production', '2026-11-20', 'seed'),
 ('migrationEngineerWeeks', 4, '2025-01-01', 'framework: the hosted-open migration took 4 weeks', '2026-11-20', 'seed');
