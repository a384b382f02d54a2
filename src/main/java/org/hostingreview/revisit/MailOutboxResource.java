package org.hostingreview.revisit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.hostingreview.web.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Admins see the mails that could not be delivered: set aside after too many failures, or failing and waiting to retry. */
@Path("/admin/mail")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class MailOutboxResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance outbox(List<Notification> setAside, List<Notification> retrying, long waiting,
                int maxAttempts);
    }

    @jakarta.inject.Inject
    org.hostingreview.system.HostingReviewConfig config;

    @GET
    @Transactional(TxType.SUPPORTS)
    public TemplateInstance outbox() {
        List<Notification> setAside = Notification.list("sentAt is null and setAsideAt is not null order by setAsideAt desc");
        List<Notification> retrying = Notification.list("sentAt is null and setAsideAt is null and attempts > 0 order by id");
        long waiting = Notification.count("sentAt is null and setAsideAt is null");
        return Templates.outbox(setAside, retrying, waiting, config.mail().maxAttempts());
    }
}
