package org.hostingreview.audit;

import io.quarkus.qute.RawString;

/**
 * The teams the audit log can be filtered by. Every feature writes to the trail, so audit sits below the account
 * feature that keeps the teams: the account feature provides this bean.
 */
public interface AuditTeams {

    /**
     * Every team, by name, as the filter's options (written HTML), the one with id {@code selected} selected (none when
     * null). The account feature keeps them per state of the teams, as for every other team filter: no statement while
     * the teams have not changed.
     */
    RawString options(Long selected);
}
