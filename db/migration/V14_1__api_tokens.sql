-- Personal API tokens: pipelines call /api with a scoped token instead of a person's password. Only an HMAC-SHA-256
-- of the token (keyed with a server key) is stored; the token is shown once when made.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    user_id      bigint       NOT NULL REFERENCES app_user (id),
    name         varchar(80)  NOT NULL,
    scope        varchar(20)  NOT NULL,
    token_hash   varchar(64)  NOT NULL,
    -- the first characters of the token, so that a person can tell their tokens apart
    token_prefix varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT api_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT api_token_scope_known CHECK (scope IN ('READ', 'CHECKINS', 'ESTIMATES')),
    CONSTRAINT api_token_expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- API use is audited once per credential and day, not per call: a row here says that day's use was recorded.
CREATE TABLE api_credential_use (
    credential varchar(40) NOT NULL,
    day        date        NOT NULL,
    PRIMARY KEY (credential, day)
);
