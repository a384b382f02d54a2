-- Issue 14: V26_1's backfill wrote every proposal (its search column), which clears every page's all-visible bit; the
-- dashboard's and the queue's counts are index-only scans, which read the table for each row until a vacuum sets the
-- bits again (see V24_2). Autovacuum would come soon after so many changed rows; this makes it certain, at once. It
-- cannot run in a transaction: V26_2__vacuum_proposal.sql.conf tells Flyway so.
VACUUM (ANALYZE) proposal;
