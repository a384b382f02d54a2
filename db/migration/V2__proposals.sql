-- Features, proposals (the five-question intake), who edited them, and eval results.
CREATE TABLE feature (
    id          bigserial PRIMARY KEY,
    team_id     bigint       NOT NULL REFERENCES team (id),
    name        varchar(120) NOT NULL,
    description varchar(2000),
    created_by  bigint       NOT NULL REFERENCES app_user (id),
    created_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX feature_team_name_unique ON feature (team_id, lower(name));

CREATE TABLE proposal (
    id                          bigserial PRIMARY KEY,
    feature_id                  bigint        NOT NULL REFERENCES feature (id),
    team_id                     bigint        NOT NULL REFERENCES team (id),
    owner_id                    bigint        NOT NULL REFERENCES app_user (id),
    title                       varchar(200)  NOT NULL,
    status                      varchar(20)   NOT NULL DEFAULT 'DRAFT',
    steps_saved                 integer       NOT NULL DEFAULT 0,
    -- step 1: the feature and its workload
    incumbent_provider          varchar(80),
    incumbent_model             varchar(80),
    current_tier                varchar(20)   NOT NULL DEFAULT 'FRONTIER_CLOSED',
    candidate_models            varchar(300),
    task_shape                  varchar(20),
    requests_per_month          bigint,
    input_tokens_per_request    integer,
    output_tokens_per_request   integer,
    cached_input_share          numeric(5, 4) NOT NULL DEFAULT 0,
    peak_to_average             numeric(10, 2),
    busy_day_tokens             bigint,
    quiet_day_tokens            bigint,
    ttft_target_ms              integer,
    -- Q1 current hosted spend
    current_monthly_spend_usd   numeric(16, 2),
    -- Q2 ML-ops capacity
    mlops_engineers             integer,
    hires_planned               boolean,
    -- Q3 hosted-open tried first
    hosted_open_tried           boolean,
    hosted_open_provider        varchar(80),
    hosted_open_model           varchar(80),
    hosted_open_months_run      numeric(6, 1),
    hosted_open_monthly_cost_usd numeric(16, 2),
    hosted_open_quality         numeric(5, 2),
    -- Q4 upgrade plan
    upgrade_owner               varchar(120),
    upgrade_cadence_months      integer,
    upgrade_effort_engineer_months numeric(6, 1),
    -- Q5 quality baseline
    no_eval_yet                 boolean,
    eval_set_name               varchar(120),
    eval_set_size               integer,
    pass_criterion              varchar(500),
    -- constraints and context for the rules
    data_residency              boolean       NOT NULL DEFAULT false,
    air_gapped                  boolean       NOT NULL DEFAULT false,
    reproducibility_required    boolean       NOT NULL DEFAULT false,
    custom_weights              boolean       NOT NULL DEFAULT false,
    needs_multimodal            boolean       NOT NULL DEFAULT false,
    needs_tool_use              boolean       NOT NULL DEFAULT false,
    needs_long_context          boolean       NOT NULL DEFAULT false,
    needs_structured_output     boolean       NOT NULL DEFAULT false,
    iterating_fast              boolean       NOT NULL DEFAULT false,
    ai_infra_company            boolean       NOT NULL DEFAULT false,
    sovereign                   boolean       NOT NULL DEFAULT false,
    moat_fine_tune              boolean       NOT NULL DEFAULT false,
    self_host_estimate_usd      numeric(16, 2),
    self_host_planned_replicas  integer,
    constraints_notes           varchar(2000),
    -- lifecycle
    withdrawn_reason            varchar(1000),
    submitted_at                timestamptz,
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    version                     bigint        NOT NULL DEFAULT 0,
    CONSTRAINT proposal_status_known CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED',
        'CHANGES_REQUESTED', 'REVIEW_DUE', 'SUPERSEDED', 'WITHDRAWN')),
    CONSTRAINT proposal_tier_known CHECK (current_tier IN ('FRONTIER_CLOSED', 'HOSTED_OPEN', 'SELF_HOSTED')),
    CONSTRAINT proposal_task_shape_known CHECK (task_shape IS NULL OR task_shape IN ('NARROW_HIGH_VOLUME', 'HARD_VARIED')),
    CONSTRAINT proposal_ranges CHECK (
        (requests_per_month IS NULL OR requests_per_month BETWEEN 0 AND 1000000000000)
        AND (input_tokens_per_request IS NULL OR input_tokens_per_request BETWEEN 0 AND 10000000)
        AND (output_tokens_per_request IS NULL OR output_tokens_per_request BETWEEN 0 AND 10000000)
        AND cached_input_share BETWEEN 0 AND 1
        AND (peak_to_average IS NULL OR peak_to_average >= 1)
        AND (current_monthly_spend_usd IS NULL OR current_monthly_spend_usd >= 0)
        AND (mlops_engineers IS NULL OR mlops_engineers >= 0)
        AND (hosted_open_quality IS NULL OR hosted_open_quality BETWEEN 0 AND 100))
);
CREATE INDEX proposal_feature_idx ON proposal (feature_id);
-- keyset pagination of the list, newest first, optionally within one team
CREATE INDEX proposal_updated_idx ON proposal (updated_at DESC, id DESC);
CREATE INDEX proposal_team_updated_idx ON proposal (team_id, updated_at DESC, id DESC);

-- Everyone who created or edited a proposal: they may not review it (separation of duties).
CREATE TABLE proposal_editor (
    proposal_id bigint NOT NULL REFERENCES proposal (id),
    user_id     bigint NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (proposal_id, user_id)
);

CREATE TABLE eval_result (
    id          bigserial PRIMARY KEY,
    proposal_id bigint        NOT NULL REFERENCES proposal (id),
    model       varchar(80)   NOT NULL,
    role        varchar(20)   NOT NULL,
    tier        varchar(20)   NOT NULL,
    eval_set    varchar(120)  NOT NULL,
    sample_size integer       NOT NULL,
    score_kind  varchar(20)   NOT NULL,
    score       numeric(5, 2) NOT NULL,
    run_date    date          NOT NULL,
    notes       varchar(1000),
    entered_by  bigint        NOT NULL REFERENCES app_user (id),
    entered_at  timestamptz   NOT NULL,
    CONSTRAINT eval_role_known CHECK (role IN ('INCUMBENT', 'CANDIDATE')),
    CONSTRAINT eval_tier_known CHECK (tier IN ('FRONTIER_CLOSED', 'HOSTED_OPEN', 'SELF_HOSTED')),
    CONSTRAINT eval_score_kind_known CHECK (score_kind IN ('SCORE', 'PASS_RATE')),
    CONSTRAINT eval_score_range CHECK (score BETWEEN 0 AND 100),
    CONSTRAINT eval_sample_positive CHECK (sample_size > 0)
);
CREATE INDEX eval_result_proposal_idx ON eval_result (proposal_id, model, run_date DESC, id DESC);
