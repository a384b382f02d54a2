package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.support.AuditLog;
import org.hostingreview.support.TestClock;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Decisions come back on their review date (90 days by default) and are flagged overdue two weeks later, once. */
@QuarkusTest
@TestProfile(RevisitClockProfile.class)
class ScheduledReviewTest {

    @Inject
    TestClock clock;

    @Inject
    RevisitJob job;

    @Inject
    MockMailbox mailbox;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void ninetyDaysAfterApprovalTheDecisionIsDueAndTwoWeeksLaterOverdue() {
        long id = RevisitFixtures.approved("12000");
        LocalDate reviewOn = RevisitFixtures.load(id).nextReviewOn;
        assertThat(reviewOn).isEqualTo(TestClock.appToday().plusDays(90));
        long auditBefore = AuditLog.maxId();

        clock.jumpTo(89);
        job.run();
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);
        assertThat(mailsAbout(id)).isEmpty();

        clock.jumpTo(90);
        job.run();
        var due = RevisitFixtures.load(id);
        assertThat(due.status).isEqualTo(ProposalStatus.REVIEW_DUE);
        assertThat(due.dueReasons).extracting(r -> r.label()).containsExactly("SCHEDULED: scheduled quarterly review");
        assertThat(due.dueSince).isEqualTo(reviewOn);
        job.run();
        assertThat(reopenedEvents(auditBefore, id)).hasSize(1);
        assertThat(mailsAbout(id)).singleElement().satisfies(m -> assertThat(m).contains("is due for its scheduled review"));
        assertThat(WebSession.as("rachel").get("/").asString()).contains("id=\"due-now\"");

        clock.jumpTo(103);
        job.run();
        assertThat(AuditLog.since(auditBefore, "REVIEW_OVERDUE")).noneMatch(e -> e.entityId.equals(String.valueOf(id)));

        clock.jumpTo(104);
        job.run();
        job.run();
        assertThat(AuditLog.since(auditBefore, "REVIEW_OVERDUE")).filteredOn(e -> e.entityId.equals(String.valueOf(id))).hasSize(1);
        assertThat(mailsAbout(id)).hasSize(2).last().satisfies(m -> assertThat(m).contains("is overdue"));
        String overdue = DemoRevisitsTest.section(WebSession.as("rachel").get("/").asString(), "overdue");
        assertThat(overdue).contains("#" + id + " ").contains("14 days overdue");
        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
    }

    @Test
    void twoSweepsAtOnceMoveEachDecisionOnceAndMailItOnce() throws Exception {
        long id = RevisitFixtures.approved("12000");
        long auditBefore = AuditLog.maxId();
        clock.jumpTo(104);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<RevisitService.Sweep>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(() -> {
                start.await();
                return job.run();
            });
        }
        List<Future<RevisitService.Sweep>> futures = new ArrayList<>();
        for (Callable<RevisitService.Sweep> c : both) {
            futures.add(pool.submit(c));
        }
        start.countDown();
        for (Future<RevisitService.Sweep> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(RevisitFixtures.load(id).status).isEqualTo(ProposalStatus.REVIEW_DUE);
        assertThat(reopenedEvents(auditBefore, id)).hasSize(1);
        assertThat(AuditLog.since(auditBefore, "REVIEW_OVERDUE")).filteredOn(e -> e.entityId.equals(String.valueOf(id))).hasSize(1);
        // due and overdue in the same sweep: each held once, and mailed once, as the more urgent
        assertThat(QuarkusTransaction.requiringNew().call(() -> DigestItem.<DigestItem>list("proposalId", id)))
                .extracting(i -> i.kind).containsExactlyInAnyOrder(Notification.Kind.DUE, Notification.Kind.OVERDUE);
        assertThat(mailsAbout(id)).singleElement().satisfies(s -> assertThat(s).contains("is overdue"));
    }

    /**
     * What priya's mails say about the decision, one line per mention: a mail about it alone (its subject), or its line in
     * a digest of several (the sweep mails what it did as one digest per team: other tests' decisions may be in it).
     */
    private List<String> mailsAbout(long id) {
        return DigestTest.linesAbout(mailbox.getMailsSentTo("priya@demo.hosting-review.test"), id);
    }

    private static List<?> reopenedEvents(long auditBefore, long id) {
        return AuditLog.since(auditBefore, "PROPOSAL_REOPENED").stream().filter(e -> e.entityId.equals(String.valueOf(id))).toList();
    }
}
