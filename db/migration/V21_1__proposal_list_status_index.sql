-- Issue 14: the proposals list filtered by status walks its own index in the list's order (newest or oldest change
-- first, then id, the keyset), so a status that is rare, or rare near the cursor, costs what page 1 of all proposals
-- costs instead of filtering the (updated_at, id) index row by row.
CREATE INDEX IF NOT EXISTS proposal_status_updated_idx ON proposal (status, updated_at DESC, id DESC);
