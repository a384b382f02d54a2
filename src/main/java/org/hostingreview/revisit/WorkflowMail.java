package org.hostingreview.revisit;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.WorkflowEvent;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.Role;

/**
 * Mails the people a workflow step asks to act, through the outbox, in the transaction of the step: a submitted
 * proposal to the reviewers who may review it, a verdict or a request for changes to the owner team's proposers, a first
 * approval that needs a second to the other reviewers who may give it.
 */
@ApplicationScoped
public class WorkflowMail {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance body(long id, String title, String team, String feature, String detail, String link);
    }

    @Inject
    EntityManager em;

    @Inject
    HostingReviewConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<Notification.Queued> queued;

    /**
     * Queues the step's mail once per event key in one statement ({@code on conflict (event_key) do nothing}, as
     * {@code RevisitService.notify}): a key already used inserts nothing and queues nothing, without counting the keys
     * first (which also flushed the persistence context).
     */
    void onWorkflow(@Observes WorkflowEvent event) {
        Proposal p = event.proposal();
        List<String> recipients = switch (event.what()) {
            case SUBMITTED, SECOND_APPROVAL -> reviewersWhoMayReview(p, event.actorId());
            case VERDICT, CHANGES_REQUESTED -> ownerTeam(p, event.actorId());
        };
        String title = Notification.singleLine(p.title, 200);
        String subject = switch (event.what()) {
            case SUBMITTED -> "To review: #" + p.id + " " + title;
            case SECOND_APPROVAL -> "Second approval needed: #" + p.id + " " + title;
            case CHANGES_REQUESTED -> "Changes requested: #" + p.id + " " + title;
            case VERDICT -> "Verdict recorded: #" + p.id + " " + title;
        };
        String link = switch (event.what()) {
            case SUBMITTED, SECOND_APPROVAL -> "/proposals/" + p.id + "#review";
            case VERDICT, CHANGES_REQUESTED -> "/proposals/" + p.id;
        };
        String body = Templates.body(p.id, title, p.team.name, Notification.singleLine(p.feature.name, 200), event.detail(),
                config.baseUrl() + link).render();
        @SuppressWarnings("unchecked")
        List<Number> inserted = em.createNativeQuery("insert into notification (proposal_id, kind, event_key, subject, body, "
                + "recipients, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (event_key) do nothing returning id")
                .setParameter(1, p.id).setParameter(2, Notification.Kind.of(event.what()).name()).setParameter(3, event.key())
                .setParameter(4, Notification.singleLine("[Hosting Review] " + subject, 300)).setParameter(5, body)
                .setParameter(6, String.join(",", recipients)).setParameter(7, clock.instant()).getResultList();
        if (!inserted.isEmpty()) {
            queued.fire(new Notification.Queued(inserted.get(0).longValue()));
        }
    }

    /** Active reviewers other than the actor, the owner and the proposal's editors, who have not reviewed this round. */
    List<String> reviewersWhoMayReview(Proposal p, long actorId) {
        Set<Long> excluded = new HashSet<>();
        excluded.add(actorId);
        excluded.add(p.owner.id);
        for (Object id : em.createNativeQuery("select user_id from proposal_editor where proposal_id = ?1 union "
                + "select reviewer_id from review where proposal_id = ?1 and round = ?2").setParameter(1, p.id)
                .setParameter(2, p.reviewRound).getResultList()) {
            excluded.add(((Number) id).longValue());
        }
        return em.createQuery("select distinct u.id, u.email from UserAccount u join u.roles r where u.active = true "
                + "and r = :reviewer order by u.email", Object[].class).setParameter("reviewer", Role.REVIEWER).getResultList()
                .stream().filter(row -> !excluded.contains(((Number) row[0]).longValue())).map(row -> (String) row[1]).toList();
    }

    /** The owner team's active proposers. */
    List<String> ownerTeam(Proposal p, long actorId) {
        return em.createQuery("select distinct u.email from UserAccount u join u.roles r where u.active = true "
                + "and u.team.id = :team and r = :proposer and u.id <> :actor order by u.email", String.class)
                .setParameter("team", p.team.id).setParameter("proposer", Role.PROPOSER).setParameter("actor", actorId)
                .getResultList();
    }
}
