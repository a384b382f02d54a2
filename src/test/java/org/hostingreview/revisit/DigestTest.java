package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.costmodel.Text;
import org.hostingreview.support.OwnerDatabase;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a sweep did is mailed as digests: one mail to the reviewers with every decision, one to each team's proposers
 * (those who are not reviewers) with the team's, each section listing its first twenty and linking the rest; never one
 * mail per decision to everyone. A decision held by a batch is mailed once, even when the digest runs again or after a
 * crash left it held.
 */
@QuarkusTest
class DigestTest {

    private static final String RACHEL = "rachel@demo.hosting-review.test";
    private static final String PRIYA = "priya@demo.hosting-review.test";

    @Inject
    RevisitJob job;

    @Inject
    RevisitService revisits;

    @Inject
    MockMailbox mailbox;

    @Inject
    EntityManager em;

    @Test
    void aSweepOfManyDueDecisionsSendsEachReviewerAndProposerOneDigest() {
        long template = RevisitFixtures.approved("12000");
        int copies = 45;
        OwnerDatabase.runAsOwner("alter table proposal disable trigger proposal_status_transition",
                "insert into proposal (feature_id, team_id, owner_id, title, status, steps_saved, current_tier, requests_per_month, "
                        + "input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, mlops_engineers, "
                        + "submitted_at, created_at, updated_at, review_round, decided_tier, decided_at, next_review_on) select "
                        + "feature_id, team_id, owner_id, 'Digest due ' || g, 'APPROVED', steps_saved, current_tier, "
                        + "requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                        + "mlops_engineers, submitted_at, created_at, updated_at, review_round, decided_tier, decided_at, "
                        + "current_date - 1 from proposal, generate_series(1, " + copies + ") g where id = " + template,
                "alter table proposal enable always trigger proposal_status_transition");
        List<Long> ids = ids("select id from proposal where title like 'Digest due %' order by id");
        mailbox.clear();

        RevisitService.Sweep sweep = job.run();
        RevisitService.Sweep again = job.run();
        List<Mail> toRachel = digests(mailbox.getMailsSentTo(RACHEL));
        List<Mail> toPriya = digests(mailbox.getMailsSentTo(PRIYA));
        List<Mail> aboutOne = Stream.concat(mailbox.getMailsSentTo(RACHEL).stream(), mailbox.getMailsSentTo(PRIYA).stream())
                .filter(m -> ids.stream().anyMatch(id -> m.getSubject().startsWith(Digests.PREFIX + "#" + id + " "))).toList();
        long held = count("select count(*) from digest_item i join proposal p on p.id = i.proposal_id where p.title like "
                + "'Digest due %' and i.kind = 'DUE' and i.mailed_at is not null");
        long stillHeld = count("select count(*) from digest_item where mailed_at is null");
        String team = (String) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select t.name from proposal p "
                + "join team t on t.id = p.team_id where p.id = ?1").setParameter(1, template).getSingleResult());
        OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN' where title like 'Digest due %'");

        assertThat(sweep.madeDue()).isGreaterThanOrEqualTo(copies);
        assertThat(sweep.digests()).isGreaterThanOrEqualTo(2);
        assertThat(again.digests()).isZero();
        assertThat(held).isEqualTo(copies);
        assertThat(stillHeld).isZero();
        assertThat(aboutOne).as("no mail about one of them alone").isEmpty();

        // the reviewer: one mail, every decision counted, the first twenty listed, the rest linked
        assertThat(toRachel).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo(Digests.PREFIX + Text.number(sweep.madeDue()) + " decisions due for their "
                    + "scheduled review");
            assertThat(m.getText()).startsWith(Text.number(sweep.madeDue()) + " decisions are to be reviewed again:\n\n"
                    + "Due for their scheduled review (");
            String due = section(m.getText(), "Due for their scheduled review (" + sweep.madeDue() + "):");
            assertThat(due.lines().filter(l -> l.startsWith("- #"))).hasSize(Digests.LISTED);
            assertThat(due).containsPattern("… and " + (sweep.madeDue() - Digests.LISTED) + " more: http\\S+/due/due-now\n?$")
                    .containsPattern("is due for its scheduled review\n  http\\S+/proposals/" + ids.get(0) + "/changes");
        });
        // the proposer: one mail, their team's only
        assertThat(toPriya).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).endsWith(" decisions of " + team + " due for their scheduled review");
            assertThat(m.getText()).contains("#" + ids.get(0) + " ").doesNotContain("#" + ids.get(copies - 1) + " ");
            assertThat(m.getTo()).contains(PRIYA).doesNotContain(RACHEL);
        });
    }

    @Test
    void aDecisionLeftHeldByACrashGoesOutWithTheNextDigestOnce() {
        long id = RevisitFixtures.approved("12000");
        // as a batch that committed before the app stopped, its digest not written
        OwnerDatabase.runAsOwner("insert into digest_item (proposal_id, team_id, kind, event_key, subject, body, created_at) "
                + "select id, team_id, 'DUE', 'due:' || id || ':crash', '[Hosting Review] #' || id || ' ' || title || ' is due "
                + "for its scheduled review', 'its body', now() from proposal where id = " + id);
        mailbox.clear();

        RevisitService.Digested first = revisits.digest();
        RevisitService.Digested second = revisits.digest();
        job.run();

        assertThat(first.decisions()).isEqualTo(1);
        assertThat(second.decisions()).isZero();
        assertThat(linesAbout(mailbox.getMailsSentTo(RACHEL), id)).singleElement().satisfies(l -> assertThat(l)
                .contains("is due for its scheduled review"));
        assertThat(linesAbout(mailbox.getMailsSentTo(PRIYA), id)).hasSize(1);
        // a digest of one is that decision's own mail
        assertThat(mailbox.getMailsSentTo(RACHEL)).filteredOn(m -> m.getSubject().startsWith(Digests.PREFIX + "#" + id + " "))
                .singleElement().satisfies(m -> assertThat(m.getText()).isEqualTo("its body"));
    }

    @Test
    void aDecisionDueAndOverdueInOneSweepIsListedOnceAsOverdue() {
        long id = RevisitFixtures.approved("12000");
        // its review date three weeks gone, no sweep since: due and overdue in the same sweep
        OwnerDatabase.runAsOwner("update proposal set next_review_on = current_date - 21 where id = " + id);
        mailbox.clear();

        job.run();

        assertThat(RevisitFixtures.load(id).status).isEqualTo(org.hostingreview.proposal.ProposalStatus.REVIEW_DUE);
        assertThat(count("select count(*) from digest_item where proposal_id = " + id)).as("held as due and as overdue").isEqualTo(2);
        for (String to : List.of(RACHEL, PRIYA)) {
            assertThat(linesAbout(mailbox.getMailsSentTo(to), id)).as(to).singleElement()
                    .satisfies(l -> assertThat(l).contains("is overdue for review"));
        }
    }

    /** The digests among the mails: those about several decisions. */
    private static List<Mail> digests(List<Mail> mails) {
        return mails.stream().filter(DigestTest::isDigest).toList();
    }

    private static boolean isDigest(Mail m) {
        return m.getText().lines().findFirst().orElse("").endsWith(" " + Digests.INTRO);
    }

    /** A digest's section: from its heading to the next blank line. */
    static String section(String text, String heading) {
        int at = text.indexOf(heading);
        assertThat(at).as("section " + heading + " in:\n" + text).isNotNegative();
        int end = text.indexOf("\n\n", at);
        return end < 0 ? text.substring(at) : text.substring(at, end);
    }

    /**
     * What the mails say about a decision, one entry per mention: the subject of a mail about it alone, else its line in
     * a digest ("#12 … is due for its scheduled review").
     */
    static List<String> linesAbout(List<Mail> mails, long id) {
        List<String> lines = new ArrayList<>();
        for (Mail m : mails) {
            if (m.getSubject().startsWith(Digests.PREFIX + "#" + id + " ")) {
                lines.add(m.getSubject());
            } else if (isDigest(m)) {
                m.getText().lines().filter(l -> l.startsWith("- #" + id + " ")).forEach(lines::add);
            }
        }
        return lines;
    }

    private List<Long> ids(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList().stream()
                .map(n -> ((Number) n).longValue()).toList());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
