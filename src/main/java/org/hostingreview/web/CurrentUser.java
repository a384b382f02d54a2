package org.hostingreview.web;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user of this request, for resources ({@code @Inject}) and templates ({@code inject:currentUser}). */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    /** The identity attributes the sign-in sets: the {@link SignedInUser}, the session's id, its flags. */
    public static final String USER_ATTRIBUTE = "hosting-review.user";
    public static final String SESSION_ID_ATTRIBUTE = "hosting-review.session";
    public static final String AFTER_RESET_ATTRIBUTE = "hosting-review.session-after-admin-reset";
    public static final String MUST_CHANGE_ATTRIBUTE = "hosting-review.must-change-password";
    public static final String MUST_ENROL_ATTRIBUTE = "hosting-review.must-enrol-second-factor";
    public static final String SECOND_FACTOR_PENDING_ATTRIBUTE = "hosting-review.second-factor-pending";
    public static final String SINGLE_SIGN_ON_ATTRIBUTE = "hosting-review.single-sign-on";

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return !identity.isAnonymous() && identity.getAttribute(USER_ATTRIBUTE) != null;
    }

    /** The signed-in user; only call on authenticated endpoints. */
    public SignedInUser get() {
        SignedInUser user = identity.getAttribute(USER_ATTRIBUTE);
        if (user == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return user;
    }

    /** The id of this request's server-side session; null for HTTP Basic. */
    public String sessionId() {
        return identity.getAttribute(SESSION_ID_ATTRIBUTE);
    }

    /** Whether this is the first sign-in after an admin reset the password. */
    public boolean isFirstSignInAfterReset() {
        return Boolean.TRUE.equals(identity.getAttribute(AFTER_RESET_ATTRIBUTE));
    }

    /** Whether the user signed in with a password an admin set, and must choose their own before anything else. */
    public boolean mustChangePassword() {
        return Boolean.TRUE.equals(identity.getAttribute(MUST_CHANGE_ATTRIBUTE));
    }

    /** Whether this session was opened with the password and still waits for the second factor. */
    public boolean secondFactorPending() {
        return Boolean.TRUE.equals(identity.getAttribute(SECOND_FACTOR_PENDING_ATTRIBUTE));
    }

    /** Whether this session was opened through the identity provider (the user has no password here). */
    public boolean isSingleSignOn() {
        return Boolean.TRUE.equals(identity.getAttribute(SINGLE_SIGN_ON_ATTRIBUTE));
    }

    /** Whether an admin requires two-factor sign-in of this user's role and the user has not set it up yet. */
    public boolean mustEnrolSecondFactor() {
        return Boolean.TRUE.equals(identity.getAttribute(MUST_ENROL_ATTRIBUTE));
    }

    public String getUsername() {
        return isSignedIn() ? get().username() : null;
    }

    public String getDisplayName() {
        return isSignedIn() ? get().displayName() : null;
    }

    public String getTeamName() {
        return isSignedIn() ? get().teamName() : null;
    }

    public Set<Role> getRoles() {
        return isSignedIn() ? get().roles() : Set.of();
    }

    public boolean isProposer() {
        return getRoles().contains(Role.PROPOSER);
    }

    public boolean isReviewer() {
        return getRoles().contains(Role.REVIEWER);
    }

    public boolean isAdmin() {
        return getRoles().contains(Role.ADMIN);
    }
}
