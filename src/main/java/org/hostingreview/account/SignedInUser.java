package org.hostingreview.account;

import java.util.Set;

/** What a session knows about its user, loaded once per request with the security identity. */
public record SignedInUser(long id, String username, String displayName, long teamId, String teamName, Set<Role> roles) {

    static SignedInUser of(UserAccount user) {
        return new SignedInUser(user.id, user.username, user.displayName, user.team.id, user.team.name,
                Set.copyOf(user.roles));
    }
}
