package org.hostingreview.account;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hostingreview.audit.AuditTeams;

/** The audit log's team filter lists the teams this feature keeps. */
@ApplicationScoped
class AuditTeamNames implements AuditTeams {

    @Inject
    AccountService accounts;

    @Override
    public List<TeamName> teams() {
        return accounts.teams().stream().map(team -> new TeamName(team.id, team.name)).toList();
    }
}
