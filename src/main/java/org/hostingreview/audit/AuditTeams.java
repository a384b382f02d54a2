package org.hostingreview.audit;

import java.util.List;

/**
 * The teams the audit log can be filtered by. Every feature writes to the trail, so audit sits below the account
 * feature that keeps the teams: the account feature provides this bean.
 */
public interface AuditTeams {

    /** A team as the filter lists it. */
    record TeamName(Long id, String name) {
    }

    /** Every team, by name. */
    List<TeamName> teams();
}
