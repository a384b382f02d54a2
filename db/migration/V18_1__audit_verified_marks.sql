-- Issue 14: verification is incremental. Each verification that finds the chain intact leaves a mark at the newest
-- signed checkpoint it covered; the next one walks the chain from there. A mark is signed with the checkpoint key
-- (which the database does not hold, under its own prefix so that a checkpoint's signature is not a mark's), so a
-- forged or moved mark is found, and a deleted one only makes the next verification walk the whole chain.
CREATE TABLE audit_verified (
    seq         bigint      PRIMARY KEY,
    hash        varchar(64) NOT NULL,
    hmac        varchar(64) NOT NULL,
    full_walk   boolean     NOT NULL,
    verified_at timestamptz NOT NULL
);
