-- A Flyway callback, run after every migrate (also when nothing was pending), so that the grants follow the roles in
-- use now: a database first migrated with one role and later split into two still ends up with least privilege.
-- Least privilege: Flyway migrates as the owner of every object; the application runs as ${runtime_role}, which
-- owns nothing and gets only what it uses. On the trail, its checkpoints and the reviews that is INSERT and SELECT:
-- no UPDATE, DELETE or TRUNCATE, and (not being the owner) no ALTER TABLE … DISABLE TRIGGER either.
-- When both are the same role (DB_MIGRATION_USER not set) there is nothing to grant; the app warns at start-up.
DO
$$
DECLARE
    runtime text := '${runtime_role}';
    schema_name text := current_schema();
BEGIN
    IF runtime = '' OR runtime = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RAISE NOTICE 'runtime role "%" is the migration role or does not exist: no grants', runtime;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema_name, runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema_name, runtime);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_checkpoint, audit_verified, review, review_catalog_ref FROM %I', runtime);
    EXECUTE format('REVOKE ALL ON %I.flyway_schema_history FROM %I', schema_name, runtime);
    -- tables later migrations create get normal DML; append-only ones must revoke like above
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   schema_name, runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', schema_name, runtime);
END;
$$;

-- The stale check's column-by-column comparison of a proposal's costing inputs (V28_3), generated again from the
-- columns the table has now: a column a migration added is compared unless proposal_costing_inputs names it.
DO
$$
BEGIN
    IF to_regproc('proposal_costing_compare_refresh') IS NOT NULL THEN
        PERFORM proposal_costing_compare_refresh();
    END IF;
END;
$$;
