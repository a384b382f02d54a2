package org.hostingreview.account;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user of this request, for resources ({@code @Inject}) and templates ({@code inject:currentUser}). */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return !identity.isAnonymous() && identity.getAttribute(AccountIdentityProviders.USER_ATTRIBUTE) != null;
    }

    /** The signed-in user; only call on authenticated endpoints. */
    public SignedInUser get() {
        SignedInUser user = identity.getAttribute(AccountIdentityProviders.USER_ATTRIBUTE);
        if (user == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return user;
    }

    /** The id of this request's server-side session; null for HTTP Basic. */
    public String sessionId() {
        Sessions.Live live = identity.getAttribute(AccountIdentityProviders.SESSION_ATTRIBUTE);
        return live == null ? null : live.id();
    }

    /** Whether this is the first sign-in after an admin reset the password. */
    public boolean isFirstSignInAfterReset() {
        Sessions.Live live = identity.getAttribute(AccountIdentityProviders.SESSION_ATTRIBUTE);
        return live != null && live.afterAdminReset();
    }

    /** Whether the user signed in with a password an admin set, and must choose their own before anything else. */
    public boolean mustChangePassword() {
        return Boolean.TRUE.equals(identity.getAttribute(AccountIdentityProviders.MUST_CHANGE_ATTRIBUTE));
    }

    /** Whether this session was opened with the password and still waits for the second factor. */
    public boolean secondFactorPending() {
        Sessions.Live live = identity.getAttribute(AccountIdentityProviders.SESSION_ATTRIBUTE);
        return live != null && live.secondFactorPending();
    }

    /** Whether an admin requires two-factor sign-in of this user's role and the user has not set it up yet. */
    public boolean mustEnrolSecondFactor() {
        return Boolean.TRUE.equals(identity.getAttribute(AccountIdentityProviders.MUST_ENROL_ATTRIBUTE));
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
