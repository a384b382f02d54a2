-- Issue 12: a replica serves two rates, prefill (input) and decode (output) tokens per second, at a stated latency
-- target (p99 time to first token, p99 inter-token latency), per model x GPU x precision. Rows stay append-only:
-- the single-rate rows already here keep their one figure (read as one blended rate) and a wrong one is corrected
-- by a newer row with the same key (model, GPU, precision, TTFT, ITL) and the same effective date.
ALTER TABLE serving_throughput ALTER COLUMN tokens_per_second DROP NOT NULL;
ALTER TABLE serving_throughput
    ADD COLUMN precision                 varchar(12),
    ADD COLUMN prefill_tokens_per_second numeric(14, 2),
    ADD COLUMN decode_tokens_per_second  numeric(14, 2),
    ADD COLUMN ttft_ms                   integer,
    ADD COLUMN itl_ms                    integer,
    ADD COLUMN ttft_p50_ms               numeric(12, 2),
    ADD COLUMN itl_p50_ms                numeric(12, 2),
    ADD COLUMN request_rate              numeric(12, 4),
    ADD COLUMN benchmark                 varchar(200),
    ADD COLUMN measured_on               date,
    ADD COLUMN method                    varchar(500),
    ADD COLUMN source_sha256             varchar(64),
    ADD CONSTRAINT throughput_rates CHECK (tokens_per_second IS NOT NULL
        OR (prefill_tokens_per_second > 0 AND decode_tokens_per_second > 0)),
    ADD CONSTRAINT throughput_latency CHECK ((ttft_ms IS NULL OR ttft_ms > 0) AND (itl_ms IS NULL OR itl_ms > 0)),
    ADD CONSTRAINT throughput_measured CHECK (source_kind <> 'BENCHMARK' OR (benchmark IS NOT NULL AND measured_on IS NOT NULL));
CREATE INDEX serving_throughput_sha_idx ON serving_throughput (source_sha256) WHERE source_sha256 IS NOT NULL;

-- Seed, checked 2026-12-01 against ../shared/design/serving-economics.md and the sources it cites.
-- Decode anchors: MLPerf Inference v4.1 (published 2024-08-28), llama2-70b-99, NVIDIA DGX H100 (8 GPUs),
-- TensorRT-LLM FP8: offline 24,525 output tok/s (6,131 per 2 GPUs); server scenario, whose limits are a p99 TTFT of
-- 2 s and a p99 time per output token of 200 ms, 21,606 tok/s (5,401 per 2 GPUs).
-- Prefill is not published per replica: estimated at half the 2 x H100 dense-FP8 compute ceiling (2 x 1,979 TFLOPS
-- / ~141 GFLOP per token = ~28k tok/s), lower under tighter TTFT limits. Rows mixing a measured decode with an
-- estimated prefill are marked ESTIMATE and say so in their method.
INSERT INTO serving_throughput (model, gpu, gpus_per_replica, precision, prefill_tokens_per_second, decode_tokens_per_second,
        ttft_ms, itl_ms, source_kind, benchmark, measured_on, method, effective_from, source, checked_on, created_by) VALUES
 -- corrections of the single 30,000 tok/s figure (above the ~28k compute ceiling): same key, same effective date
 ('llama-3-70b', 'H100 80GB', 2, NULL, 14000, 6131, NULL, NULL, 'ESTIMATE', 'MLPerf Inference v4.1 offline', '2024-08-28',
  'correction: one 30,000 tok/s figure exceeds the compute ceiling; decode from MLPerf v4.1 offline (24,525 tok/s / 4), prefill ~50% of the FP8 ceiling, no latency limit',
  '2025-01-01', 'https://github.com/mlcommons/inference_results_v4.1', '2026-12-01', 'seed'),
 ('llama-3.1-70b', 'H100 80GB', 2, NULL, 14000, 6131, NULL, NULL, 'ESTIMATE', 'MLPerf Inference v4.1 offline', '2024-08-28',
  'correction: same architecture as llama-3-70b; decode from MLPerf v4.1 offline, prefill ~50% of the FP8 ceiling',
  '2025-01-01', 'https://github.com/mlcommons/inference_results_v4.1', '2026-12-01', 'seed'),
 ('llama-3.3-70b', 'H100 80GB', 2, NULL, 14000, 6131, NULL, NULL, 'ESTIMATE', 'MLPerf Inference v4.1 offline', '2024-08-28',
  'correction: same architecture as llama-3-70b; decode from MLPerf v4.1 offline, prefill ~50% of the FP8 ceiling',
  '2025-01-01', 'https://github.com/mlcommons/inference_results_v4.1', '2026-12-01', 'seed'),
 ('llama-3.1-70b', 'H200 141GB', 1, NULL, 7000, 3000, NULL, NULL, 'ESTIMATE', NULL, NULL,
  'correction: 24,000 tok/s on one H200 exceeds its ~14k FP8 compute ceiling; decode ~1.4x one H100 (HBM3e bandwidth), prefill ~50% of the ceiling',
  '2025-01-01', 'H200 datasheet (4.8 TB/s, 1,979 TFLOPS FP8); planning estimate', '2026-12-01', 'seed'),
 -- the two rates at a latency target: the MLPerf server limits, and an interactive target
 ('llama-3-70b', 'H100 80GB', 2, 'FP8', 14000, 5401, 2000, 200, 'ESTIMATE', 'MLPerf Inference v4.1 server', '2024-08-28',
  'decode measured: MLPerf v4.1 server scenario (21,606 tok/s / 4) at p99 TTFT <= 2 s, TPOT <= 200 ms; prefill estimated at ~50% of the FP8 ceiling',
  '2025-01-01', 'https://github.com/mlcommons/inference_results_v4.1', '2026-12-01', 'seed'),
 ('llama-3.1-70b', 'H100 80GB', 2, 'FP8', 14000, 5401, 2000, 200, 'ESTIMATE', 'MLPerf Inference v4.1 server', '2024-08-28',
  'same architecture as llama-3-70b: decode from MLPerf v4.1 server, prefill estimated at ~50% of the FP8 ceiling',
  '2025-01-01', 'https://github.com/mlcommons/inference_results_v4.1', '2026-12-01', 'seed'),
 ('llama-3.3-70b', 'H100 80GB', 2, 'FP8', 14000, 5401, 2000, 200, 'ESTIMATE', 'MLPerf Inference v4.1 server', '2024-08-28',
  'same architecture as llama-3-70b: decode from MLPerf v4.1 server, prefill estimated at ~50% of the FP8 ceiling',
  '2025-01-01', 'https://github.com/mlcommons/inference_results_v4.1', '2026-12-01', 'seed'),
 ('llama-3-70b', 'H100 80GB', 2, 'FP8', 9000, 2700, 450, 40, 'ESTIMATE', NULL, NULL,
  'interactive target (p99 TTFT <= 450 ms, TPOT <= 40 ms, the MLPerf interactive limits): batch capped, about half the server-scenario decode; prefill ~1/3 of the ceiling',
  '2025-01-01', 'planning estimate from the MLPerf v4.1 server figures', '2026-12-01', 'seed'),
 ('llama-3.3-70b', 'H100 80GB', 2, 'FP8', 9000, 2700, 450, 40, 'ESTIMATE', NULL, NULL,
  'interactive target (p99 TTFT <= 450 ms, TPOT <= 40 ms): batch capped, about half the server-scenario decode; prefill ~1/3 of the ceiling',
  '2025-01-01', 'planning estimate from the MLPerf v4.1 server figures', '2026-12-01', 'seed');

-- The default latency targets when a proposal states none: the MLPerf server scenario's limits.
INSERT INTO policy_value (param, value, effective_from, source, checked_on, created_by) VALUES
 ('defaultTtftTargetMs', 2000, '2025-01-01', 'MLPerf Inference llama2-70b server scenario limit: p99 TTFT 2 s', '2026-12-01', 'seed'),
 ('defaultInterTokenTargetMs', 200, '2025-01-01', 'MLPerf Inference llama2-70b server scenario limit: p99 time per output token 200 ms', '2026-12-01', 'seed');

-- The proposal's optional inter-token latency target (the time-to-first-token target already exists).
ALTER TABLE proposal ADD COLUMN itl_target_ms integer;
ALTER TABLE proposal ADD CONSTRAINT proposal_itl_positive CHECK (itl_target_ms IS NULL OR itl_target_ms > 0);
