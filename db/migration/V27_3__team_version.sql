-- A number that moves with every change to the teams, read by the session check that every signed-in request runs
-- anyway (Sessions.SEEN). The team filter's options, written once per state of the teams (AccountService.teamOptions),
-- are then reused without a statement of their own while the number stands: the filter used to read all 200 teams as
-- one JSON text on every page to learn whether they had changed (0.3 ms of PostgreSQL at 100x).
CREATE TABLE team_version (
    id      smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version bigint   NOT NULL
);
INSERT INTO team_version (id, version) VALUES (1, 1);

-- every writer of team, in the writer's transaction: a new team, a rename, a removal, a truncate
CREATE FUNCTION team_version_bump() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE team_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER team_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team
    FOR EACH STATEMENT EXECUTE FUNCTION team_version_bump();
