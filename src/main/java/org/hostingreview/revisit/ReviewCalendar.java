package org.hostingreview.revisit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.SignedInUser;

/**
 * Review dates as an iCalendar (RFC 5545) feed: one all-day event per decision in force or due, written by the template
 * {@code ReviewCalendar/feed.ics} (values TEXT-escaped by {@link CalendarText}) and folded here into CRLF content lines of at most 75 octets.
 */
@ApplicationScoped
public class ReviewCalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    RevisitViews views;

    @Inject
    HostingReviewConfig config;

    @Inject
    Clock clock;

    /** One review date as the feed lists it; every value is TEXT-escaped as the template writes it. */
    public record Event(long id, String uid, String start, String end, boolean due, String title, String team, String feature,
            String decided, List<String> reasons, String url) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feed(String calendarName, String stamp, List<Event> events);
    }

    @Transactional(TxType.SUPPORTS)
    public String ics(SignedInUser owner) {
        String host = config.baseUrl().replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
        List<Event> events = new ArrayList<>();
        for (Proposal p : views.decisionsInScope(owner)) {
            boolean due = p.status == ProposalStatus.REVIEW_DUE;
            LocalDate day = due && p.dueSince != null ? p.dueSince : p.nextReviewOn;
            if (day == null) {
                continue;
            }
            events.add(new Event(p.id, "proposal-" + p.id + "-round-" + p.reviewRound + "@" + host, DATE.format(day),
                    DATE.format(day.plusDays(1)), due, p.title, p.team.name, p.feature.name,
                    p.decidedTier == null ? null : p.decidedTier.label(), p.dueReasons.stream().map(r -> r.label()).toList(),
                    config.baseUrl() + "/proposals/" + p.id + (due ? "/changes" : "")));
        }
        String rendered = Templates.feed(owner.seesAllTeams() ? "all teams" : owner.teamName(), STAMP.format(clock.instant()), events)
                .render();
        StringBuilder ics = new StringBuilder();
        rendered.lines().filter(line -> !line.isEmpty()).forEach(line -> line(ics, line));
        return ics.toString();
    }

    /** Escapes a TEXT value (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line, folded at 75 octets (RFC 5545 §3.1), ending in CRLF. */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
