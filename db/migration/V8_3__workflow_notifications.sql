-- Workflow mails (issue 10): a submitted proposal, a verdict, changes requested, a second approval needed.
ALTER TABLE notification DROP CONSTRAINT notification_kind;
ALTER TABLE notification ADD CONSTRAINT notification_kind
    CHECK (kind IN ('DUE', 'OVERDUE', 'REOPENED', 'SUBMITTED', 'VERDICT', 'CHANGES_REQUESTED', 'SECOND_APPROVAL'));
