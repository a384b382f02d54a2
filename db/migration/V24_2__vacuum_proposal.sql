-- Issue 14: V24_1's backfill wrote every proposal that has check-ins (5,001 rows at 100x), which clears those pages'
-- all-visible bits, and too few rows changed for autovacuum to come by soon: the dashboard's counts, index-only scans
-- (V18_2, V22_2, V23_1), then read the table for each row they count, or the planner turned them into bitmap heap scans
-- (0.8 -> 40+ ms for the dashboard's lists at 100x, EXPLAIN ANALYZE). A vacuum sets the bits again. It cannot run
-- in a transaction: V24_2__vacuum_proposal.sql.conf tells Flyway so. A role that does not own the table only gets a
-- warning (nothing is vacuumed, nothing fails).
VACUUM (ANALYZE) proposal;
