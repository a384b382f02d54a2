package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * How a digest reads: the reviewers' holds every decision and each team's its own, most urgent first, each kind listing
 * its first twenty and counting and linking the rest; a digest of one decision is that decision's own mail. (A Quarkus
 * test for the digest's Qute template; the digests are made from plain values.)
 */
@QuarkusTest
class DigestsTest {

    private static final String BASE = "https://review.example";

    @Test
    void reviewersGetEveryDecisionMostUrgentFirstAndEachTeamItsOwn() {
        List<Digests.Count> counts = List.of(new Digests.Count(1, "Alpha", Notification.Kind.DUE, 25),
                new Digests.Count(1, "Alpha", Notification.Kind.OVERDUE, 2), new Digests.Count(2, "Beta", Notification.Kind.REOPENED, 1));
        List<Digests.Item> listed = new ArrayList<>();
        for (long id = 1; id <= Digests.LISTED; id++) {
            listed.add(item(id, 100 + id, 1, Notification.Kind.DUE, "is due for its scheduled review"));
        }
        listed.add(item(30, 130, 1, Notification.Kind.OVERDUE, "is overdue for review (due since 2026-11-01)"));
        listed.add(item(31, 131, 1, Notification.Kind.OVERDUE, "is overdue for review (due since 2026-11-02)"));
        listed.add(item(40, 140, 2, Notification.Kind.REOPENED, "was re-opened: PRICE_MOVED"));

        List<Digests.Digest> digests = Digests.of(counts, listed, BASE);

        assertThat(digests).hasSize(3);
        assertThat(digests).extracting(Digests.Digest::eventKey).doesNotHaveDuplicates();
        Digests.Digest reviewers = digests.get(0);
        assertThat(reviewers.forReviewers()).isTrue();
        assertThat(reviewers.kind()).isEqualTo(Notification.Kind.DIGEST);
        assertThat(reviewers.proposalId()).isNull();
        assertThat(reviewers.subject()).isEqualTo("[Hosting Review] 28 decisions to review again: 2 overdue, 1 re-opened, 25 due");
        assertThat(reviewers.body()).startsWith("28 decisions are to be reviewed again:\n\nOverdue for review (2):\n"
                + "- #130 Decision 130 is overdue for review (due since 2026-11-01)\n  " + BASE + "/proposals/130/changes\n");
        assertThat(reviewers.body().indexOf("Overdue for review (2):")).isLessThan(reviewers.body().indexOf("Re-opened: their prices moved (1):"));
        assertThat(reviewers.body().indexOf("Re-opened: their prices moved (1):"))
                .isLessThan(reviewers.body().indexOf("Due for their scheduled review (25):"));
        assertThat(DigestTest.section(reviewers.body(), "Overdue for review (2):")).endsWith("All of them: " + BASE + "/due/overdue");
        String due = DigestTest.section(reviewers.body(), "Due for their scheduled review (25):");
        assertThat(due.lines().filter(l -> l.startsWith("- #"))).hasSize(Digests.LISTED);
        assertThat(due).endsWith("… and 5 more: " + BASE + "/due/due-now\n");

        Digests.Digest alpha = digests.get(1);
        assertThat(alpha.teamId()).isEqualTo(1);
        assertThat(alpha.subject()).isEqualTo("[Hosting Review] 27 decisions of Alpha to review again: 2 overdue, 25 due");
        assertThat(alpha.body()).doesNotContain("#140 ").doesNotContain("Re-opened");

        // Beta's one decision: its own mail, as it went out before digests
        Digests.Digest beta = digests.get(2);
        assertThat(beta.teamId()).isEqualTo(2);
        assertThat(beta.kind()).isEqualTo(Notification.Kind.REOPENED);
        assertThat(beta.proposalId()).isEqualTo(140);
        assertThat(beta.subject()).isEqualTo("[Hosting Review] #140 Decision 140 was re-opened: PRICE_MOVED");
        assertThat(beta.body()).isEqualTo("the mail about 140");
        assertThat(beta.eventKey()).isEqualTo("key-40:team:2");
    }

    @Test
    void aDigestOfOneKindSaysWhichInItsSubject() {
        List<Digests.Digest> digests = Digests.of(List.of(new Digests.Count(7, "Gamma", Notification.Kind.OVERDUE, 1_234)),
                List.of(item(1, 11, 7, Notification.Kind.OVERDUE, "is overdue for review (due since 2026-11-01)")), BASE);

        assertThat(digests).extracting(Digests.Digest::subject).containsExactly(
                "[Hosting Review] 1,234 decisions overdue for review", "[Hosting Review] 1,234 decisions of Gamma overdue for review");
        assertThat(digests.get(0).body()).contains("… and 1,233 more: " + BASE + "/due/overdue");
    }

    private static Digests.Item item(long id, long proposal, long team, Notification.Kind kind, String what) {
        return new Digests.Item(id, proposal, team, kind, "key-" + id, "[Hosting Review] #" + proposal + " Decision " + proposal + " " + what,
                "the mail about " + proposal);
    }
}
