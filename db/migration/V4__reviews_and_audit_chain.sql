-- Review workflow: legal status transitions, reviews with frozen snapshots, separation of duties.
CREATE TABLE proposal_transition (
    from_status varchar(20) NOT NULL,
    to_status   varchar(20) NOT NULL,
    PRIMARY KEY (from_status, to_status)
);
INSERT INTO proposal_transition (from_status, to_status) VALUES
 ('DRAFT', 'SUBMITTED'),
 ('SUBMITTED', 'APPROVED'), ('SUBMITTED', 'REJECTED'), ('SUBMITTED', 'CHANGES_REQUESTED'),
 ('CHANGES_REQUESTED', 'SUBMITTED'),
 ('APPROVED', 'REVIEW_DUE'),
 ('REVIEW_DUE', 'APPROVED'), ('REVIEW_DUE', 'CHANGES_REQUESTED'), ('REVIEW_DUE', 'SUPERSEDED'),
 ('DRAFT', 'WITHDRAWN'), ('SUBMITTED', 'WITHDRAWN'), ('CHANGES_REQUESTED', 'WITHDRAWN'),
 ('APPROVED', 'WITHDRAWN'), ('REVIEW_DUE', 'WITHDRAWN');

CREATE FUNCTION proposal_check_transition() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
            SELECT 1 FROM proposal_transition WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        RAISE EXCEPTION 'illegal proposal transition % -> %', OLD.status, NEW.status USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER proposal_status_transition BEFORE UPDATE OF status ON proposal
    FOR EACH ROW EXECUTE FUNCTION proposal_check_transition();
ALTER TABLE proposal ENABLE ALWAYS TRIGGER proposal_status_transition;

-- The current review round (bumped on every submission), and the decision in force.
ALTER TABLE proposal ADD COLUMN review_round integer NOT NULL DEFAULT 0;
ALTER TABLE proposal ADD COLUMN decided_tier varchar(20);
ALTER TABLE proposal ADD COLUMN decided_at timestamptz;
ALTER TABLE proposal ADD COLUMN next_review_on date;
ALTER TABLE proposal ADD CONSTRAINT proposal_decided_tier_known
    CHECK (decided_tier IS NULL OR decided_tier IN ('FRONTIER_CLOSED', 'HOSTED_OPEN', 'SELF_HOSTED'));
UPDATE proposal SET review_round = 1 WHERE status <> 'DRAFT';

CREATE TABLE review (
    id                bigserial PRIMARY KEY,
    proposal_id       bigint        NOT NULL REFERENCES proposal (id),
    reviewer_id       bigint        NOT NULL REFERENCES app_user (id),
    round             integer       NOT NULL,
    verdict           varchar(20)   NOT NULL,
    chosen_tier       varchar(20),
    recommended_tier  varchar(20)   NOT NULL,
    rationale         varchar(4000) NOT NULL,
    justification     varchar(4000),
    conditions        varchar(4000),
    next_review_on    date,
    submission_token  varchar(64)   NOT NULL,
    snapshot          jsonb         NOT NULL,
    created_at        timestamptz   NOT NULL,
    CONSTRAINT review_verdict_known CHECK (verdict IN ('APPROVE', 'REJECT', 'REQUEST_CHANGES', 'SUPERSEDE')),
    CONSTRAINT review_submission_unique UNIQUE (submission_token),
    -- one review per reviewer and round: a reviewer cannot approve twice
    CONSTRAINT review_one_per_reviewer UNIQUE (proposal_id, round, reviewer_id)
);
CREATE INDEX review_proposal_idx ON review (proposal_id, id);

-- Separation of duties: the owner and anyone who edited a proposal cannot review it.
CREATE FUNCTION review_check_independence() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM proposal WHERE id = NEW.proposal_id AND owner_id = NEW.reviewer_id)
        OR EXISTS (SELECT 1 FROM proposal_editor WHERE proposal_id = NEW.proposal_id AND user_id = NEW.reviewer_id) THEN
        RAISE EXCEPTION 'reviewer % owns or edited proposal % and cannot review it', NEW.reviewer_id, NEW.proposal_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER review_independent BEFORE INSERT OR UPDATE ON review
    FOR EACH ROW EXECUTE FUNCTION review_check_independence();
ALTER TABLE review ENABLE ALWAYS TRIGGER review_independent;

CREATE FUNCTION review_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'reviews are records: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER review_append_only BEFORE UPDATE OR DELETE ON review FOR EACH ROW EXECUTE FUNCTION review_reject_change();
ALTER TABLE review ENABLE ALWAYS TRIGGER review_append_only;

-- The audit trail becomes a hash chain: a gapless sequence, each row hashing the previous row's hash and its
-- own fields. The database computes both under an advisory lock, in the inserting transaction, so the chain
-- stays linear with several application instances.
ALTER TABLE audit_event ADD COLUMN seq bigint;
ALTER TABLE audit_event ADD COLUMN prev_hash varchar(64);
ALTER TABLE audit_event ADD COLUMN hash varchar(64);

CREATE FUNCTION audit_event_canonical(seq bigint, prev_hash text, occurred_at timestamptz, actor text, action text,
                                      entity_type text, entity_id text, team_id bigint, details jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$
SELECT seq::text || E'\n' || prev_hash || E'\n' || ((extract(epoch FROM occurred_at) * 1000000)::bigint)::text || E'\n'
    || actor || E'\n' || action || E'\n' || coalesce(entity_type, '') || E'\n' || coalesce(entity_id, '') || E'\n'
    || coalesce(team_id::text, '') || E'\n' || details::text
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    last_seq  bigint;
    last_hash text;
BEGIN
    PERFORM pg_advisory_xact_lock(4852000042);
    SELECT seq, hash INTO last_seq, last_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.hash := encode(sha256(convert_to(audit_event_canonical(NEW.seq, NEW.prev_hash, NEW.occurred_at, NEW.actor,
        NEW.action, NEW.entity_type, NEW.entity_id, NEW.team_id, NEW.details), 'UTF8')), 'hex');
    RETURN NEW;
END;
$$;

-- Chain the rows written before this migration, in id order.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete;
DO
$$
DECLARE
    r         record;
    n         bigint := 0;
    prev      text := repeat('0', 64);
    h         text;
BEGIN
    FOR r IN SELECT * FROM audit_event ORDER BY id LOOP
        n := n + 1;
        h := encode(sha256(convert_to(audit_event_canonical(n, prev, r.occurred_at, r.actor, r.action, r.entity_type,
            r.entity_id, r.team_id, r.details), 'UTF8')), 'hex');
        UPDATE audit_event SET seq = n, prev_hash = prev, hash = h WHERE id = r.id;
        prev := h;
    END LOOP;
END;
$$;
ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_no_update_delete;

ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_event ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_event ALTER COLUMN hash SET NOT NULL;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_seq_unique UNIQUE (seq);

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_chain;

-- Signed checkpoints of the chain's head, so that deleting the tail is detectable.
CREATE TABLE audit_checkpoint (
    id         bigserial PRIMARY KEY,
    seq        bigint      NOT NULL,
    hash       varchar(64)    NOT NULL,
    hmac       varchar(64)    NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at, seq);
CREATE INDEX audit_event_team_idx ON audit_event (team_id, seq);
