package org.hostingreview.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;

/** The admin's setting that requires two-factor sign-in of everyone with the ADMIN or REVIEWER role. */
@ApplicationScoped
public class TwoFactorSettings {

    static final String REQUIRED = "two-factor-required";

    @Inject
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Transactional(TxType.SUPPORTS)
    public boolean requiredForAdminsAndReviewers() {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select value from security_setting where name = ?1")
                .setParameter(1, REQUIRED).getResultList();
        return !rows.isEmpty() && "true".equals(rows.get(0));
    }

    /** Sets the requirement; returns whether it changed. Audited. */
    @Transactional
    public boolean setRequired(boolean required, String actor) {
        if (required == requiredForAdminsAndReviewers()) {
            return false;
        }
        em.createNativeQuery("insert into security_setting (name, value, updated_at, updated_by) values (?1, ?2, ?3, ?4) "
                + "on conflict (name) do update set value = excluded.value, updated_at = excluded.updated_at, "
                + "updated_by = excluded.updated_by").setParameter(1, REQUIRED).setParameter(2, String.valueOf(required))
                .setParameter(3, Timestamp.from(clock.instant())).setParameter(4, actor).executeUpdate();
        audit.event(AuditAction.SECURITY_SETTING_CHANGED, actor).on(AuditEntity.SETTING, REQUIRED)
                .detail("setting", "two-factor sign-in required for admins and reviewers")
                .detail("value", required ? "required" : "optional").record();
        return true;
    }
}
