package org.hostingreview.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hostingreview.account.AccountService;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.SignedInUser;

import io.quarkus.runtime.StartupEvent;

/**
 * Demo mode only: decisions on some demo proposals, made through the real review workflow (so they carry frozen
 * snapshots, four-eyes approvals and audit events): the worked example approved for hosted-open by two reviewers,
 * one rejection, one request for changes, and one self-hosted approval.
 */
@ApplicationScoped
public class DemoReviews {

    public static final long LOCK_KEY = 0x4852_0003L;

    @Inject
    HostingReviewConfig config;

    @Inject
    ReviewService reviews;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (config.demo()) {
            seed();
        }
    }

    @Transactional
    public void seed() {
        // one instance at a time: a second one starting at once waits here, then finds the data and does nothing
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        if (Review.count() > 0 || Proposal.count() == 0) {
            return;
        }
        approveTwice("Self-host Llama 3 70B for document classification", "HOSTED_OPEN",
                "Hosted-open saves ~$71k/month at 4 points of quality; the self-hosted plan costs almost as much as today and needs "
                        + "two hires.",
                "Agreed: migrate to Together within the quarter, keep the eval running monthly.");
        review("rachel", "Move ticket triage to self-hosted Mistral", "REJECT", null,
                "Spend is $3k/month and traffic is bursty: reserved GPUs would cost more than the whole bill. Try hosted-open.");
        review("victor", "EU patient summaries must stay in our EU cluster", "REQUEST_CHANGES", null,
                "Residency makes self-hosting mandatory; add an eval run of the self-hosted candidate with the full 500 cases "
                        + "and name an on-call owner.");
        approveTwice("Serving embeddings is our product: own the stack", null,
                "Serving is our product (X1); the team has six ML-ops engineers and six months on Together as a baseline.",
                "Approved with the condition that the hosted-open contract stays as failover for a quarter.");
    }

    private void approveTwice(String title, String tier, String first, String second) {
        review("rachel", title, "APPROVE", tier, first);
        review("dana", title, "APPROVE", tier, second);
    }

    private void review(String reviewer, String title, String verdict, String tier, String rationale) {
        Proposal proposal = Proposal.find("title", title).firstResult();
        if (proposal == null) {
            return;
        }
        SignedInUser me = accounts.activeUser(reviewer).orElseThrow();
        ReviewForm form = new ReviewForm(verdict, tier, rationale, null, null,
                LocalDate.now(clock).plusDays(config.review().defaultReviewDays()).toString(),
                String.valueOf(proposal.version), UUID.randomUUID().toString());
        reviews.review(proposal.id, me, form);
    }
}
