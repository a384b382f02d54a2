-- Accounts: teams, users and their roles.
CREATE TABLE team (
    id         bigserial PRIMARY KEY,
    name       varchar(80) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT team_name_unique UNIQUE (name)
);

CREATE TABLE app_user (
    id            bigserial PRIMARY KEY,
    username      varchar(40)  NOT NULL,
    display_name  varchar(120) NOT NULL,
    email         varchar(254) NOT NULL,
    password_hash varchar(72)  NOT NULL,
    active        boolean      NOT NULL DEFAULT true,
    team_id       bigint       NOT NULL REFERENCES team (id),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_username_unique UNIQUE (username),
    CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    -- bcrypt in modular crypt format with a cost of at least 12
    CONSTRAINT app_user_password_bcrypt CHECK (password_hash ~ '^\$2[aby]\$(1[2-9]|[23][0-9])\$.{53}$')
);
CREATE INDEX app_user_team_idx ON app_user (team_id);

CREATE TABLE user_role (
    user_id bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    varchar(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_known CHECK (role IN ('PROPOSER', 'REVIEWER', 'ADMIN'))
);

-- Audit: append-only. The application writes rows; nobody updates, deletes or truncates them.
CREATE TABLE audit_event (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor       varchar(60) NOT NULL,
    action      varchar(60) NOT NULL,
    entity_type varchar(40),
    entity_id   varchar(40),
    team_id     bigint,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, id);

CREATE FUNCTION audit_event_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();
-- ALWAYS: the triggers fire even for sessions in replica mode (session_replication_role = replica).
ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_no_update_delete;
ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_no_truncate;
