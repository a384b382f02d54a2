-- The last approving review the last completed price check could see: a decision whose approval came later (or was
-- written straight into the database with an earlier time, as an import or bench/generate.sql does) is checked by the
-- next sweep however old its proposal's update time says it is. Reviews are append-only, their ids only grow.
ALTER TABLE revisit_price_check ADD COLUMN max_review_id bigint NOT NULL DEFAULT 0;
