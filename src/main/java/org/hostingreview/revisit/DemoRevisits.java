package org.hostingreview.revisit;

import java.math.BigDecimal;
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
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.review.Review;
import org.hostingreview.review.ReviewForm;
import org.hostingreview.review.ReviewService;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.SignedInUser;

import io.quarkus.runtime.StartupEvent;

/**
 * Demo mode only: decisions in every stage of the revisit cycle, made through the real workflow. Three more demo
 * proposals of Search &amp; Support are approved: the chat assistant comes back in twelve days; the re-ranker gets a
 * check-in at three times its volume, which re-opens it; query rewriting and the embeddings API were approved long
 * enough ago (their review dates are back-dated, the only shortcut here) that the start-up sweep finds one overdue and
 * one due. The worked example stays approved, so that a visitor can check in 200M documents and watch it re-open.
 */
@ApplicationScoped
public class DemoRevisits {

    public static final long LOCK_KEY = 0x4852_0004L;

    @Inject
    HostingReviewConfig config;

    @Inject
    ReviewService reviews;

    @Inject
    CheckinService checkins;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    void onStart(@Observes @Priority(35) StartupEvent event) {
        if (config.demo()) {
            seed();
        }
    }

    @Transactional
    public void seed() {
        // one instance at a time: a second one starting at once waits here, then finds the data and does nothing
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        if (Checkin.count() > 0 || Review.count() == 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        approve("Keep the chat assistant on the frontier model", today.plusDays(12),
                "Bursty, low-volume traffic: the API is cheapest and nobody has to carry a pager for it.");
        Proposal ranker = approve("Serve our fine-tuned re-ranker ourselves", today.plusDays(90),
                "The fine-tuned weights are the moat; hosted-open quality holds at 90.");
        if (ranker != null && ranker.status == ProposalStatus.APPROVED) {
            SignedInUser victor = accounts.activeUser("victor").orElseThrow();
            LocalDate start = today.minusMonths(1).withDayOfMonth(1);
            checkins.record(ranker.id, victor, new Actuals(start, start.plusMonths(1).minusDays(1),
                    ranker.workload.requestsPerMonth * 3 * start.lengthOfMonth() / 30, ranker.workload.inputTokensPerRequest,
                    ranker.workload.outputTokensPerRequest, BigDecimal.valueOf(23_400), null, new BigDecimal("89.5"), 1,
                    "Launch of the new search page tripled traffic."), Checkin.Source.FORM);
        }
        backdate(approve("Query rewriting at 1B requests: time to self-host?", today.plusDays(90),
                "At a billion requests a month the API bill dominates; hosted-open first, revisit self-hosting next quarter."),
                today.minusDays(20));
        Proposal embeddings = Proposal.find("title", "Serving embeddings is our product: own the stack").firstResult();
        backdate(embeddings, today.minusDays(3));
    }

    private Proposal approve(String title, LocalDate nextReview, String rationale) {
        Proposal proposal = Proposal.find("title", title).firstResult();
        for (String reviewer : new String[] { "rachel", "dana" }) {
            if (proposal == null || proposal.status != ProposalStatus.SUBMITTED) {
                break;
            }
            SignedInUser me = accounts.activeUser(reviewer).orElseThrow();
            reviews.review(proposal.id, me, new ReviewForm("APPROVE", null, rationale, null, null, nextReview.toString(),
                    String.valueOf(proposal.version), UUID.randomUUID().toString()));
        }
        return proposal;
    }

    /** Moves an approved decision's review date into the past, as if it had been approved a quarter earlier. */
    private static void backdate(Proposal proposal, LocalDate reviewOn) {
        if (proposal != null && proposal.status == ProposalStatus.APPROVED) {
            proposal.reviewOn(reviewOn);
        }
    }
}
