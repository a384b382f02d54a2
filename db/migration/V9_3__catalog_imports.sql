-- Issue 12: uploaded price lists (LiteLLM) and benchmark reports (GuideLLM, vLLM benchmark_serving) wait here between
-- the preview and the admin's confirmation; applying one adds effective-dated catalog rows carrying its SHA-256.
CREATE TABLE catalog_import (
    id             bigserial PRIMARY KEY,
    kind           varchar(20)  NOT NULL,
    file_name      varchar(200) NOT NULL,
    sha256         varchar(64)  NOT NULL,
    content        text         NOT NULL,
    effective_from date         NOT NULL,
    gpu            varchar(80),
    gpus_per_replica integer,
    precision      varchar(12),
    model          varchar(80),
    created_by     varchar(60)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    applied_at     timestamptz,
    rows_added     integer,
    CONSTRAINT catalog_import_kind CHECK (kind IN ('LITELLM', 'BENCHMARK'))
);
CREATE INDEX catalog_import_sha_idx ON catalog_import (sha256);
