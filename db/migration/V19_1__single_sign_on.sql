-- Single sign-on with OpenID Connect: a user signed in through the identity provider is the issuer's subject (never
-- matched by e-mail or username). Such a user has no password here: HTTP Basic and the login form refuse them.
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE app_user ADD COLUMN sso_issuer varchar(255);
ALTER TABLE app_user ADD COLUMN sso_subject varchar(255);
-- an admin set the team or the roles of a single-sign-on user on the Users page: kept, the token's groups no longer apply
ALTER TABLE app_user ADD COLUMN sso_roles_set_by_admin boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD CONSTRAINT app_user_sso_identity UNIQUE (sso_issuer, sso_subject);
ALTER TABLE app_user ADD CONSTRAINT app_user_sso_pair CHECK ((sso_issuer IS NULL) = (sso_subject IS NULL));
ALTER TABLE app_user ADD CONSTRAINT app_user_signs_in_somehow CHECK (password_hash IS NOT NULL OR sso_subject IS NOT NULL);

-- what RP-initiated logout needs when the session ends: the provider's end-session endpoint and the ID token as the hint
ALTER TABLE user_session ADD COLUMN sso_logout_url varchar(2000);
ALTER TABLE user_session ADD COLUMN sso_id_token text;
