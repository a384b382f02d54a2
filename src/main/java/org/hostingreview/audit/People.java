package org.hostingreview.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

import org.hostingreview.system.KeptPlans;

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

    /**
     * Looks up the display names of these usernames (those not known yet) in one statement, so that a page of events
     * costs one look-up whoever acted, not one per actor.
     */
    public void know(java.util.Collection<String> usernames) {
        java.util.List<String> unknown = usernames.stream().filter(u -> u != null && !names.containsKey(u)).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(u -> names.put(u, u));
        // one array parameter, so one statement text whatever the page holds: with "in :u" Hibernate expanded the list,
        // and every new count of actors built the query's SQL again (15 % of the audit page's CPU at 100x, JFR)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select username, display_name from app_user where username = any(?1)")
                .setParameter(1, padded(unknown)).getResultList();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
    }

    /** The usernames, the last repeated up to {@link KeptPlans#PADDED_TO}, so that the look-up keeps its plan. */
    static String[] padded(List<String> usernames) {
        return KeptPlans.padded(usernames, new String[0]);
    }

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
