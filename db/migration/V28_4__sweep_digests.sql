-- A sweep's decisions are mailed as digests: one mail to the reviewers and one to each team's proposers for everything
-- a sweep (or a catalog re-check) made due, re-opened or flagged overdue, instead of one mail per decision to every
-- reviewer (at 100x, 30,000 decisions due at once made 30,000 mails of 309 recipients each).
--
-- Each decision's mail is held here in the batch that changes the decision, in its transaction, under its once-only key
-- (as the outbox did: a decision is mailed once per event, and a batch that rolls back holds nothing). The digest step,
-- under the sweep's lock, writes the digests into the outbox (notification) and marks what it mailed in the same
-- transaction; what a crash left held goes out with the next sweep's digest.
CREATE TABLE digest_item (
    id          bigserial    PRIMARY KEY,
    proposal_id bigint       NOT NULL REFERENCES proposal (id),
    team_id     bigint       NOT NULL REFERENCES team (id),
    kind        varchar(20)  NOT NULL CONSTRAINT digest_item_kind CHECK (kind IN ('DUE', 'OVERDUE', 'REOPENED')),
    event_key   varchar(120) NOT NULL CONSTRAINT digest_item_once UNIQUE,
    -- the decision's own mail, as it was sent on its own: a digest of one decision is that mail
    subject     varchar(300) NOT NULL,
    body        text         NOT NULL,
    created_at  timestamptz  NOT NULL,
    -- the digest step that mailed it
    mailed_at   timestamptz
);
-- what is held, by team and kind as the digest counts and lists it (once mailed, out of the index)
CREATE INDEX digest_item_held_idx ON digest_item (team_id, kind, id) WHERE mailed_at IS NULL;

-- a digest is about many decisions (a digest of one names it)
ALTER TABLE notification ALTER COLUMN proposal_id DROP NOT NULL;
ALTER TABLE notification DROP CONSTRAINT notification_kind;
ALTER TABLE notification ADD CONSTRAINT notification_kind
    CHECK (kind IN ('DUE', 'OVERDUE', 'REOPENED', 'SUBMITTED', 'VERDICT', 'CHANGES_REQUESTED', 'SECOND_APPROVAL', 'DIGEST'));

