-- When each role was granted, so that a reviewer role granted after a proposal's submission does not count toward
-- that proposal's four eyes (an admin cannot make a puppet reviewer for a proposal already waiting).
CREATE TABLE role_grant (
    user_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role       varchar(20) NOT NULL,
    granted_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, role)
);
INSERT INTO role_grant (user_id, role, granted_at)
SELECT r.user_id, r.role, u.created_at FROM user_role r JOIN app_user u ON u.id = r.user_id;

CREATE FUNCTION user_role_grant_stamp() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO role_grant (user_id, role, granted_at) VALUES (NEW.user_id, NEW.role, clock_timestamp())
        ON CONFLICT (user_id, role) DO UPDATE SET granted_at = clock_timestamp();
        RETURN NEW;
    END IF;
    DELETE FROM role_grant WHERE user_id = OLD.user_id AND role = OLD.role;
    RETURN OLD;
END;
$$;
CREATE TRIGGER user_role_grant_stamp
    AFTER INSERT OR DELETE ON user_role
    FOR EACH ROW EXECUTE FUNCTION user_role_grant_stamp();
