package org.hostingreview.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.RawString;

import org.hostingreview.audit.AuditTeams;

/** The audit log's team filter lists the teams this feature keeps, as every other page's team filter does. */
@ApplicationScoped
class AuditTeamNames implements AuditTeams {

    @Inject
    AccountService accounts;

    @Override
    public RawString options(Long selected) {
        return accounts.teamOptions(selected == null ? null : selected.toString());
    }
}
