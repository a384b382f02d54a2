package org.hostingreview.web;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What a session knows about its user, loaded once per request with the security identity. */
public record SignedInUser(long id, String username, String displayName, long teamId, String teamName, Set<Role> roles) {

    /**
     * The roles in their declared order (Proposer, Reviewer, Admin), as every page lists them: {@code Set.copyOf} iterates
     * in an order that changes with each start of the JVM, so a page said "Admin, Reviewer" or "Reviewer, Admin".
     */
    public SignedInUser {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** Reviewers and admins see every team's proposals past the draft stage; everyone else sees their own team's. */
    public boolean seesAllTeams() {
        return roles.contains(Role.REVIEWER) || roles.contains(Role.ADMIN);
    }
}
