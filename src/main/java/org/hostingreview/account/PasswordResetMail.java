package org.hostingreview.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.hostingreview.system.HostingReviewConfig;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Tells a user that an admin reset their password, once the reset has committed: if it was not them who asked, they
 * know at once. (The new password is never in the mail.)
 */
@ApplicationScoped
public class PasswordResetMail {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance body(String displayName, String admin, String username, String baseUrl);
    }

    private static final Logger LOG = Logger.getLogger(PasswordResetMail.class);

    /** Queued in the reset's transaction, sent after it commits. */
    public record Reset(String username, String displayName, String email, String admin) {
    }

    @Inject
    Mailer mailer;

    @Inject
    HostingReviewConfig config;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Reset reset) {
        try {
            mailer.send(Mail.withText(reset.email(), "Hosting Review: your password was reset",
                    Templates.body(reset.displayName(), reset.admin(), reset.username(), config.baseUrl()).render()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not mail %s about their password reset: %s", reset.username(), e.getMessage());
        }
    }
}
