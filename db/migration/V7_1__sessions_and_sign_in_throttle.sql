-- Server-side sessions: the session cookie names one of these rows, so that logout, a password change, an
-- admin reset or a deactivation ends it on the server, and every session has an absolute lifetime.
CREATE TABLE user_session (
    id                varchar(64) PRIMARY KEY,
    user_id           bigint      NOT NULL REFERENCES app_user (id),
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    ended_at          timestamptz,
    end_reason        varchar(40),
    -- the first sign-in after an admin reset the password (the reviewer may not be who the account says)
    after_admin_reset boolean     NOT NULL DEFAULT false
);
CREATE INDEX user_session_live_idx ON user_session (user_id) WHERE ended_at IS NULL;

-- Sign-in throttling per account and per client address.
CREATE TABLE sign_in_throttle (
    throttle_key   varchar(120) PRIMARY KEY,
    failures       int          NOT NULL,
    last_failure   timestamptz  NOT NULL,
    locked_until   timestamptz
);

-- An admin-set password works for one sign-in only: the user must choose their own.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
