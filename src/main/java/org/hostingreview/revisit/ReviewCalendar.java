package org.hostingreview.revisit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.system.HostingReviewConfig;
import org.hostingreview.web.SignedInUser;

/** Review dates as an iCalendar (RFC 5545) feed: one all-day event per decision in force or due. */
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

    @Transactional(TxType.SUPPORTS)
    public String ics(SignedInUser owner) {
        boolean all = views.seesAll(owner);
        String stamp = STAMP.format(clock.instant());
        String host = config.baseUrl().replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Hosting Review//Review dates//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text("Hosting Review: " + (all ? "all teams" : owner.teamName())));
        for (Proposal p : views.decisionsInScope(owner)) {
            boolean due = p.status == ProposalStatus.REVIEW_DUE;
            LocalDate day = due && p.dueSince != null ? p.dueSince : p.nextReviewOn;
            if (day == null) {
                continue;
            }
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:proposal-" + p.id + "-round-" + p.reviewRound + "@" + host);
            line(ics, "DTSTAMP:" + stamp);
            line(ics, "DTSTART;VALUE=DATE:" + DATE.format(day));
            line(ics, "DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
            line(ics, "SUMMARY:" + text((due ? "Review due: #" : "Review: #") + p.id + " " + p.title));
            String description = p.team.name + ", feature \"" + p.feature.name + "\""
                    + (p.decidedTier == null ? "" : ", decided " + p.decidedTier.label())
                    + (p.dueReasons.isEmpty() ? "" : "\nWhy: " + String.join("\n", p.dueReasons.stream().map(r -> r.label()).toList()));
            line(ics, "DESCRIPTION:" + text(description));
            line(ics, "URL:" + config.baseUrl() + "/proposals/" + p.id + (due ? "/changes" : ""));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
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
