-- Revisit cycle: check-ins of actuals, why a decision came back for review, notifications, calendar feeds.
ALTER TABLE proposal ADD COLUMN due_reasons jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE proposal ADD COLUMN due_since date;
ALTER TABLE proposal ADD COLUMN supersedes_id bigint REFERENCES proposal (id);
ALTER TABLE proposal ADD COLUMN superseded_by_id bigint REFERENCES proposal (id);
CREATE INDEX proposal_next_review_idx ON proposal (status, next_review_on);

CREATE TABLE checkin (
    id                        bigserial PRIMARY KEY,
    proposal_id               bigint         NOT NULL REFERENCES proposal (id),
    period_start              date           NOT NULL,
    period_end                date           NOT NULL,
    requests                  bigint         NOT NULL,
    input_tokens_per_request  integer        NOT NULL,
    output_tokens_per_request integer        NOT NULL,
    spend_usd                 numeric(16, 2) NOT NULL,
    spend_tier                varchar(20)    NOT NULL,
    observed_quality          numeric(5, 2),
    incidents                 integer,
    notes                     varchar(2000),
    source                    varchar(10)    NOT NULL,
    reopened                  boolean        NOT NULL,
    reasons                   jsonb          NOT NULL DEFAULT '[]'::jsonb,
    recommended_tier          varchar(20)    NOT NULL,
    entered_by                bigint         NOT NULL REFERENCES app_user (id),
    created_at                timestamptz    NOT NULL,
    CONSTRAINT checkin_period CHECK (period_end >= period_start),
    CONSTRAINT checkin_ranges CHECK (requests >= 0 AND input_tokens_per_request >= 0 AND output_tokens_per_request >= 0
        AND spend_usd >= 0 AND (observed_quality IS NULL OR observed_quality BETWEEN 0 AND 100)
        AND (incidents IS NULL OR incidents >= 0)),
    CONSTRAINT checkin_source CHECK (source IN ('FORM', 'API', 'CSV')),
    CONSTRAINT checkin_tiers CHECK (spend_tier IN ('FRONTIER_CLOSED', 'HOSTED_OPEN', 'SELF_HOSTED')
        AND recommended_tier IN ('FRONTIER_CLOSED', 'HOSTED_OPEN', 'SELF_HOSTED'))
);
CREATE INDEX checkin_proposal_idx ON checkin (proposal_id, period_end DESC, id DESC);

-- An outbox of notifications: one row per event (the key makes a second one impossible), mailed after commit.
CREATE TABLE notification (
    id          bigserial PRIMARY KEY,
    proposal_id bigint       NOT NULL REFERENCES proposal (id),
    kind        varchar(20)  NOT NULL,
    event_key   varchar(120) NOT NULL,
    subject     varchar(300) NOT NULL,
    body        text         NOT NULL,
    recipients  text         NOT NULL,
    created_at  timestamptz  NOT NULL,
    sent_at     timestamptz,
    CONSTRAINT notification_kind CHECK (kind IN ('DUE', 'OVERDUE', 'REOPENED')),
    CONSTRAINT notification_once UNIQUE (event_key)
);
CREATE INDEX notification_unsent_idx ON notification (id) WHERE sent_at IS NULL;

ALTER TABLE app_user ADD COLUMN calendar_token varchar(64);
CREATE UNIQUE INDEX app_user_calendar_token ON app_user (calendar_token) WHERE calendar_token IS NOT NULL;
