-- Issue 11, four eyes means two people. An admin who resets a reviewer's password knows it until the reviewer picks
-- their own, so whoever signs in next may be the admin. The account remembers, from the forced password change, that
-- its next sign-in is still "the first after an admin reset"; a review made in such a session says so in the history.
ALTER TABLE app_user ADD COLUMN reset_sign_in_pending boolean NOT NULL DEFAULT false;
ALTER TABLE review ADD COLUMN after_admin_reset boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN review.after_admin_reset IS
    'made in the first sign-in after an admin reset the reviewer''s password (the reviewer may not be who the account says)';
