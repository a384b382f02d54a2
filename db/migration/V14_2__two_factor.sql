-- Two-factor sign-in (TOTP, RFC 6238) for the built-in accounts, one-time recovery codes, and the admin's setting that
-- requires it for the ADMIN and REVIEWER roles.
ALTER TABLE app_user ADD COLUMN totp_secret varchar(64);
-- a secret shown on the enrolment page, not yet confirmed with a code
ALTER TABLE app_user ADD COLUMN totp_pending_secret varchar(64);
ALTER TABLE app_user ADD COLUMN totp_enabled_at timestamptz;
-- the time step of the last accepted code: a code is accepted once
ALTER TABLE app_user ADD COLUMN totp_last_step bigint;

CREATE TABLE recovery_code (
    id        bigserial PRIMARY KEY,
    user_id   bigint      NOT NULL REFERENCES app_user (id),
    code_hash varchar(64) NOT NULL,
    used_at   timestamptz
);
CREATE INDEX recovery_code_user_idx ON recovery_code (user_id) WHERE used_at IS NULL;

-- a session opened with the password of an account with two-factor sign-in waits for the code
ALTER TABLE user_session ADD COLUMN second_factor_pending boolean NOT NULL DEFAULT false;

CREATE TABLE security_setting (
    name       varchar(60)  PRIMARY KEY,
    value      varchar(200) NOT NULL,
    updated_at timestamptz  NOT NULL,
    updated_by varchar(60)  NOT NULL
);
