package org.hostingreview.account;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.audit.AuditTeams;

/** The audit log's team filter lists the teams this feature keeps. */
@ApplicationScoped
class AuditTeamNames implements AuditTeams {

    @Inject
    EntityManager em;

    /** Each team's id and name only (no managed entities to track): the filter lists every team on every page. */
    @Override
    public List<TeamName> teams() {
        return em.createQuery("select t.id, t.name from Team t order by t.name", Object[].class).getResultStream()
                .map(r -> new TeamName((Long) r[0], (String) r[1])).toList();
    }
}
