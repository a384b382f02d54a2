package org.hostingreview.revisit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.hostingreview.costmodel.Text;

/**
 * The digests of what a sweep (or a catalog re-check) held: one for every reviewer with every decision, one for each
 * team's proposers with the team's. Plain Java over the held decisions' mails; {@link RevisitService#digest} reads them,
 * addresses the mails and queues them.
 *
 * <p>A digest of one decision is that decision's own mail, as it went out on its own. A digest of several has a section
 * per kind (overdue first, then re-opened, then due), each listing its first {@value #LISTED} decisions by the order they
 * were held, the count of the rest and the link to the list of them all: a digest's size does not grow with the data.
 */
final class Digests {

    /** The most decisions a digest's section lists; the rest are counted and linked. */
    static final int LISTED = 20;

    /** The subject line every mail of the app begins with. */
    static final String PREFIX = "[Hosting Review] ";

    /** How a digest's text begins, after its count: "30,002 decisions are to be reviewed again:". */
    static final String INTRO = "to be reviewed again:";

    @CheckedTemplate
    static class Templates {
        /** A digest of several decisions. */
        static native TemplateInstance digestMail(String intro, List<Section> sections);
    }

    /** A decision's mail held for the digest, as its batch wrote it. */
    record Item(long id, long proposalId, long teamId, Notification.Kind kind, String eventKey, String subject, String body) {
    }

    /** How many decisions of a team a kind holds. */
    record Count(long teamId, String teamName, Notification.Kind kind, long count) {
    }

    /** A digest to queue: who it is for (the reviewers, or a team's proposers), its key, subject and body. */
    record Digest(Long teamId, Long proposalId, Notification.Kind kind, String eventKey, String subject, String body) {
        boolean forReviewers() {
            return teamId == null;
        }
    }

    /** One kind's part of a digest: its heading, how many decisions, the lines listed and where all of them are listed. */
    record Section(String heading, long count, List<Line> lines, String listUrl) {
        /** The decisions not listed, as a number reads: "29,980". */
        public String more() {
            return Text.number(count - lines.size());
        }

        public boolean hasMore() {
            return count > lines.size();
        }
    }

    /** A decision as a digest lists it: its mail's subject without the app's prefix, and where to open it. */
    record Line(String text, String url) {
    }

    /** A kind's section: what happened to its decisions, its word in a subject's tally, the page that lists them all. */
    private record Part(Notification.Kind kind, String title, String tally, RevisitViews.Due list) {
    }

    /** The sections in a digest's order: what is most urgent first. */
    private static final List<Part> PARTS = List.of(
            new Part(Notification.Kind.OVERDUE, "overdue for review", "overdue", RevisitViews.Due.OVERDUE),
            new Part(Notification.Kind.REOPENED, "re-opened: their prices moved", "re-opened", RevisitViews.Due.REOPENED),
            new Part(Notification.Kind.DUE, "due for their scheduled review", "due", RevisitViews.Due.DUE_NOW));

    private Digests() {
    }

    /**
     * The digests of the held decisions: {@code counts} for every team and kind held, {@code listed} the first
     * {@value #LISTED} of each team and kind (which hold the first {@value #LISTED} of each kind over all teams), in the
     * order they were held. The reviewers' digest comes first, then one per team in the order of the counts.
     */
    static List<Digest> of(List<Count> counts, List<Item> listed, String baseUrl) {
        List<Digest> digests = new ArrayList<>();
        if (counts.isEmpty()) {
            return digests;
        }
        Map<Notification.Kind, Long> all = new EnumMap<>(Notification.Kind.class);
        Map<Long, Map<Notification.Kind, Long>> byTeam = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Count c : counts) {
            all.merge(c.kind(), c.count(), Long::sum);
            byTeam.computeIfAbsent(c.teamId(), t -> new EnumMap<>(Notification.Kind.class)).merge(c.kind(), c.count(), Long::sum);
            names.put(c.teamId(), c.teamName());
        }
        digests.add(digest(null, null, all, listed, baseUrl));
        byTeam.forEach((team, kinds) -> digests.add(digest(team, names.get(team), kinds,
                listed.stream().filter(i -> i.teamId() == team).toList(), baseUrl)));
        return digests;
    }

    private static Digest digest(Long team, String teamName, Map<Notification.Kind, Long> counts, List<Item> listed,
            String baseUrl) {
        String audience = team == null ? "reviewers" : "team:" + team;
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 1 && listed.size() == 1) {
            Item only = listed.get(0);
            return new Digest(team, only.proposalId(), only.kind(), only.eventKey() + ":" + audience, only.subject(), only.body());
        }
        List<Section> sections = new ArrayList<>();
        List<String> tally = new ArrayList<>();
        Part only = null; // the last one found: the only one when there is a single section
        for (Part part : PARTS) {
            long count = counts.getOrDefault(part.kind(), 0L);
            if (count == 0) {
                continue;
            }
            List<Line> lines = listed.stream().filter(i -> i.kind() == part.kind()).limit(LISTED)
                    .map(i -> new Line(i.subject().startsWith(PREFIX) ? i.subject().substring(PREFIX.length()) : i.subject(),
                            baseUrl + "/proposals/" + i.proposalId() + "/changes"))
                    .toList();
            String heading = Character.toUpperCase(part.title().charAt(0)) + part.title().substring(1) + " (" + Text.number(count) + ")";
            sections.add(new Section(heading, count, lines, baseUrl + "/due/" + part.list().key()));
            tally.add(Text.number(count) + " " + part.tally());
            only = part;
        }
        long first = listed.stream().mapToLong(Item::id).min().orElse(0);
        long last = listed.stream().mapToLong(Item::id).max().orElse(0);
        String what = Text.count(total, "decision") + (team == null ? "" : " of " + teamName);
        // of one kind, the subject says which ("… due for their scheduled review"); of several, how many of each
        String subject = Notification.singleLine(PREFIX + what + (sections.size() == 1 ? " " + only.title()
                : " to review again: " + String.join(", ", tally)), 300);
        String intro = what + (total == 1 ? " is" : " are") + " " + INTRO;
        return new Digest(team, null, Notification.Kind.DIGEST, "digest:" + first + "-" + last + ":" + total + ":" + audience,
                subject, Templates.digestMail(intro, sections).render());
    }
}
