-- The outbox is delivered by a scheduled poller (issue 15): a failed mail is tried again with backoff, set aside after
-- too many failures (with its last error, for admins), and never holds up the mails behind it.
ALTER TABLE notification ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE notification ADD COLUMN next_attempt_at timestamp with time zone;
ALTER TABLE notification ADD COLUMN last_error text;
ALTER TABLE notification ADD COLUMN set_aside_at timestamp with time zone;
ALTER TABLE notification ADD CONSTRAINT notification_attempts CHECK (attempts >= 0);
DROP INDEX notification_unsent_idx;
CREATE INDEX notification_unsent_idx ON notification (id) WHERE sent_at IS NULL AND set_aside_at IS NULL;
