-- The catalog rows each review's frozen snapshot used, one row per (review, ref), kept by the database as reviews are
-- recorded: the revisit sweep and the catalog re-check find the decisions a replaced or undercut price row can move with
-- an index lookup, instead of unpacking every decision's 25–30 KB snapshot (37.7 s for 30,000 decisions at 100×).
-- Reviews are append-only (no UPDATE for the app), so an insert trigger keeps it complete; the app may only add to it.
CREATE TABLE review_catalog_ref (
    review_id bigint      NOT NULL REFERENCES review (id),
    ref       text   NOT NULL,
    PRIMARY KEY (review_id, ref)
);
CREATE INDEX review_catalog_ref_ref_idx ON review_catalog_ref (ref, review_id);

CREATE FUNCTION review_catalog_refs() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO review_catalog_ref (review_id, ref)
    SELECT DISTINCT NEW.id, c ->> 'ref'
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW.snapshot -> 'catalog') = 'array' THEN NEW.snapshot -> 'catalog'
                                   ELSE '[]'::jsonb END) c
    WHERE c ->> 'ref' IS NOT NULL;
    RETURN NEW;
END;
$$;

CREATE TRIGGER review_catalog_refs AFTER INSERT ON review FOR EACH ROW EXECUTE FUNCTION review_catalog_refs();

INSERT INTO review_catalog_ref (review_id, ref)
SELECT DISTINCT r.id, c ->> 'ref'
FROM review r
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(r.snapshot -> 'catalog') = 'array' THEN r.snapshot -> 'catalog'
                                            ELSE '[]'::jsonb END) c
WHERE c ->> 'ref' IS NOT NULL;
