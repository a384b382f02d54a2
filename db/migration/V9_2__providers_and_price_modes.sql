-- Issue 12: providers are first-class, a price has modes (standard, batch, cached input, cache write), and a row says
-- whether it is a provider's list price or an assumption taken from the framework's worked example.
CREATE TABLE provider (
    id         bigserial PRIMARY KEY,
    name       varchar(80)  NOT NULL,
    tier       varchar(20)  NOT NULL,
    website    varchar(300),
    created_by varchar(60)  NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT provider_tier CHECK (tier IN ('FRONTIER_CLOSED', 'HOSTED_OPEN'))
);
CREATE UNIQUE INDEX provider_name_idx ON provider (lower(name));
INSERT INTO provider (name, tier, website, created_by) VALUES
 ('OpenAI', 'FRONTIER_CLOSED', 'https://openai.com/api/pricing/', 'seed'),
 ('Azure OpenAI', 'FRONTIER_CLOSED', 'https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/', 'seed'),
 ('Anthropic', 'FRONTIER_CLOSED', 'https://www.anthropic.com/pricing#api', 'seed'),
 ('Google', 'FRONTIER_CLOSED', 'https://ai.google.dev/gemini-api/docs/pricing', 'seed'),
 ('Together', 'HOSTED_OPEN', 'https://www.together.ai/pricing', 'seed'),
 ('Fireworks', 'HOSTED_OPEN', 'https://fireworks.ai/pricing', 'seed'),
 ('Groq', 'HOSTED_OPEN', 'https://groq.com/pricing', 'seed'),
 ('DeepInfra', 'HOSTED_OPEN', 'https://deepinfra.com/pricing', 'seed'),
 ('Replicate', 'HOSTED_OPEN', 'https://replicate.com/pricing', 'seed');

-- basis: LIST_PRICE (the provider's published price) or FRAMEWORK_ASSUMPTION (a figure the framework's worked
-- example implies). Rows from before this migration have none: a source starting with "framework" is read as one.
ALTER TABLE model_price
    ADD COLUMN batch_input_usd_per_mtok  numeric(12, 4),
    ADD COLUMN batch_output_usd_per_mtok numeric(12, 4),
    ADD COLUMN cache_write_usd_per_mtok  numeric(12, 4),
    ADD COLUMN basis                     varchar(24),
    ADD COLUMN source_sha256             varchar(64),
    ADD CONSTRAINT model_price_modes_positive CHECK ((batch_input_usd_per_mtok IS NULL OR batch_input_usd_per_mtok >= 0)
        AND (batch_output_usd_per_mtok IS NULL OR batch_output_usd_per_mtok >= 0)
        AND (cache_write_usd_per_mtok IS NULL OR cache_write_usd_per_mtok >= 0)),
    ADD CONSTRAINT model_price_basis CHECK (basis IS NULL OR basis IN ('LIST_PRICE', 'FRAMEWORK_ASSUMPTION'));
ALTER TABLE gpu_price ADD COLUMN basis varchar(24),
    ADD CONSTRAINT gpu_price_basis CHECK (basis IS NULL OR basis IN ('LIST_PRICE', 'FRAMEWORK_ASSUMPTION'));

-- The proposal's hosted-open provider for its candidate, and the price modes that apply to it.
ALTER TABLE proposal
    ADD COLUMN candidate_provider varchar(80),
    ADD COLUMN batch_share        numeric(5, 4),
    ADD COLUMN cache_write_share  numeric(5, 4),
    ADD CONSTRAINT proposal_batch_share CHECK (batch_share IS NULL OR (batch_share >= 0 AND batch_share <= 1)),
    ADD CONSTRAINT proposal_cache_write_share CHECK (cache_write_share IS NULL OR (cache_write_share >= 0 AND cache_write_share <= 1));

-- Seed, checked 2026-12-01 (per 1M tokens). Corrections carry the key (provider, model) and the effective date of
-- the row they correct, so the old row stays in the history, marked corrected.
INSERT INTO model_price (provider, model, tier, input_usd_per_mtok, output_usd_per_mtok, cached_input_usd_per_mtok,
        batch_input_usd_per_mtok, batch_output_usd_per_mtok, cache_write_usd_per_mtok, basis, effective_from, source, checked_on, created_by) VALUES
 -- correction: the $0.28 row is the framework's implied blend, not Together's price (Llama-3-70B-Instruct-Turbo: $0.88)
 ('Together', 'llama-3-70b', 'HOSTED_OPEN', 0.88, 0.88, NULL, 0.44, 0.44, NULL, 'LIST_PRICE', '2025-01-01',
  'https://www.together.ai/pricing (Llama-3-70B-Instruct-Turbo; Batch API 50% off per docs.together.ai)', '2026-12-01', 'seed'),
 ('Together', 'llama-3.3-70b', 'HOSTED_OPEN', 0.88, 0.88, NULL, 0.44, 0.44, NULL, 'LIST_PRICE', '2024-12-06',
  'https://www.together.ai/pricing (Llama-3.3-70B-Instruct-Turbo; Batch API 50% off per docs.together.ai)', '2026-12-01', 'seed'),
 ('Groq', 'llama-3-70b', 'HOSTED_OPEN', 0.59, 0.79, NULL, NULL, NULL, NULL, 'LIST_PRICE', '2024-04-18',
  'https://groq.com/pricing (Llama 3 70B 8k)', '2026-12-01', 'seed'),
 ('Fireworks', 'llama-3-70b', 'HOSTED_OPEN', 0.90, 0.90, NULL, NULL, NULL, NULL, 'LIST_PRICE', '2024-04-18',
  'https://fireworks.ai/pricing (models 16.1B-80B)', '2026-12-01', 'seed'),
 ('DeepInfra', 'llama-3.3-70b', 'HOSTED_OPEN', 0.13, 0.40, NULL, NULL, NULL, NULL, 'LIST_PRICE', '2024-12-06',
  'https://deepinfra.com/meta-llama/Llama-3.3-70B-Instruct-Turbo (FP8)', '2026-12-01', 'seed'),
 -- frontier: the same key and effective date as the rows already here, now with their batch and cache-write prices
 ('OpenAI', 'gpt-4.1', 'FRONTIER_CLOSED', 2.00, 8.00, 0.50, 1.00, 4.00, NULL, 'LIST_PRICE', '2025-04-14',
  'https://openai.com/api/pricing/ (Batch API 50% off)', '2026-12-01', 'seed'),
 ('OpenAI', 'gpt-4.1-mini', 'FRONTIER_CLOSED', 0.40, 1.60, 0.10, 0.20, 0.80, NULL, 'LIST_PRICE', '2025-04-14',
  'https://openai.com/api/pricing/ (Batch API 50% off)', '2026-12-01', 'seed'),
 ('OpenAI', 'gpt-4.1-nano', 'FRONTIER_CLOSED', 0.10, 0.40, 0.025, 0.05, 0.20, NULL, 'LIST_PRICE', '2025-04-14',
  'https://openai.com/api/pricing/ (Batch API 50% off)', '2026-12-01', 'seed'),
 ('OpenAI', 'gpt-5', 'FRONTIER_CLOSED', 1.25, 10.00, 0.125, 0.625, 5.00, NULL, 'LIST_PRICE', '2025-08-07',
  'https://openai.com/api/pricing/ (Batch API 50% off)', '2026-12-01', 'seed'),
 ('Anthropic', 'claude-sonnet-4', 'FRONTIER_CLOSED', 3.00, 15.00, 0.30, 1.50, 7.50, 3.75, 'LIST_PRICE', '2025-05-22',
  'https://www.anthropic.com/pricing#api (cache writes 1.25x input; Message Batches 50% off)', '2026-12-01', 'seed'),
 ('Anthropic', 'claude-opus-4.5', 'FRONTIER_CLOSED', 5.00, 25.00, 0.50, 2.50, 12.50, 6.25, 'LIST_PRICE', '2025-11-24',
  'https://www.anthropic.com/pricing#api (cache writes 1.25x input; Message Batches 50% off)', '2026-12-01', 'seed');

-- correction: the H100 row cites the framework's worked example; the market's on-demand H100 on neoclouds is
-- $1.99-2.99 per GPU-hour (costnimbus.com survey, March 2026): its midpoint
INSERT INTO gpu_price (gpu, memory_gb, usd_per_hour, basis, effective_from, source, checked_on, created_by) VALUES
 ('H100 80GB', 80, 2.49, 'LIST_PRICE', '2025-01-01',
  'costnimbus.com H100 on-demand survey (Mar 2026): neoclouds $1.99-2.99/GPU-hour, midpoint; AWS ~$3.90, GCP ~$3.00, Azure ~$6.98', '2026-12-01', 'seed');
