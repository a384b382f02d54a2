-- Issue 12: how the self-hosted GPUs are paid for, and whether the service needs 24x7 support, per proposal;
-- the catalog's figures for reserved, purchased and staffed fleets.
ALTER TABLE proposal
    ADD COLUMN gpu_procurement varchar(16),
    ADD COLUMN support_24x7    boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT proposal_gpu_procurement CHECK (gpu_procurement IS NULL
        OR gpu_procurement IN ('ON_DEMAND', 'RESERVED_1Y', 'RESERVED_3Y', 'PURCHASED'));

-- checked 2026-12-01 against ../shared/design/serving-economics.md and the sources it cites; estimates say so
INSERT INTO policy_value (param, value, effective_from, source, checked_on, created_by) VALUES
 ('reserved1yDiscount', 0.35, '2025-01-01', 'H100 1-year reserved ~$1.79/GPU-hour, reserved 35-40% off on-demand (gridstackhub.ai, digiterialabs.com)', '2026-12-01', 'seed'),
 ('reserved3yDiscount', 0.55, '2025-01-01', 'estimate: 3-year commitments (AWS/GCP/Azure savings plans) run 50-60% off on-demand', '2026-12-01', 'seed'),
 ('gpuPurchaseUsd', 35000, '2025-01-01', 'estimate: an H100 SXM at ~$25-30k plus its share of an 8-GPU server, network and storage', '2026-12-01', 'seed'),
 ('depreciationMonths', 48, '2025-01-01', 'estimate: four-year straight-line depreciation of accelerators', '2026-12-01', 'seed'),
 ('gpuPowerKw', 1.275, '2025-01-01', 'NVIDIA DGX H100 datasheet: 10.2 kW maximum for 8 GPUs, host included', '2026-12-01', 'seed'),
 ('pue', 1.3, '2025-01-01', 'estimate: a modern colocation facility (hyperscalers ~1.1, industry average ~1.5)', '2026-12-01', 'seed'),
 ('electricityUsdPerKwh', 0.12, '2025-01-01', 'estimate: US commercial electricity, EIA average ~$0.12-0.13/kWh', '2026-12-01', 'seed'),
 ('colocationUsdPerGpuMonth', 200, '2025-01-01', 'estimate: high-density colocation ~$150/kW-month x 1.275 kW per GPU', '2026-12-01', 'seed'),
 ('onCallMinimumFtes', 4, '2025-01-01', 'a sustainable 24x7 on-call rotation needs at least 4 people (SRE practice; the article: 2-4 engineers)', '2026-12-01', 'seed'),
 ('gpusPerEngineer', 64, '2025-01-01', 'estimate: one platform engineer per 64 GPUs (eight 8-GPU servers) of a serving fleet', '2026-12-01', 'seed'),
 ('shadowRunMonths', 1, '2025-01-01', 'estimate: one month of the new fleet serving beside the incumbent before the cut-over', '2026-12-01', 'seed');
