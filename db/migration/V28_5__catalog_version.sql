-- A number that moves with every change to the catalog's four tables, in the changing transaction, whoever writes (the
-- app, an import, a row added by hand in SQL; catalog_reject_change refuses updates and deletes). A catalog loaded once
-- is kept while the number stands (CatalogCosting.stamp): it was read as the row count and highest id of each table,
-- eight sub-queries on every costing (an API estimate, the proposal page).
CREATE TABLE catalog_version (
    id      smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version bigint   NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 1);

CREATE FUNCTION catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER catalog_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON model_price
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER catalog_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON gpu_price
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER catalog_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON serving_throughput
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
CREATE TRIGGER catalog_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policy_value
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
