package org.hostingreview.audit;

/** Everything the audit trail records. The name is what is stored. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGOUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    USER_CREATED,
    USER_UPDATED,
    USER_DEACTIVATED,
    USER_REACTIVATED,
    TEAM_CREATED,
    FEATURE_CREATED,
    PROPOSAL_CREATED,
    PROPOSAL_STEP_SAVED,
    PROPOSAL_SUBMITTED,
    PROPOSAL_WITHDRAWN,
    EVAL_ADDED,
    EVAL_REMOVED
}
