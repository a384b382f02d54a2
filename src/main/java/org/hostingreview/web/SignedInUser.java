package org.hostingreview.web;

import java.util.Set;

/** What a session knows about its user, loaded once per request with the security identity. */
public record SignedInUser(long id, String username, String displayName, long teamId, String teamName, Set<Role> roles) {
}
