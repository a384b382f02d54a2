package org.hostingreview.audit;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

/**
 * Display names for the usernames an audit trail records, looked up once per request ({@code inject:people}):
 * the trail keeps the username, the page says who.
 */
@Named("people")
@RequestScoped
public class People {

    @Inject
    EntityManager em;

    private final Map<String, String> names = new HashMap<>();

    /** The display name of {@code username}, or the username itself (a system actor, an unknown sign-in). */
    public String name(String username) {
        if (username == null) {
            return "";
        }
        return names.computeIfAbsent(username, u -> em.createQuery(
                "select a.displayName from UserAccount a where a.username = :u", String.class).setParameter("u", u)
                .getResultStream().findFirst().orElse(u));
    }
}
