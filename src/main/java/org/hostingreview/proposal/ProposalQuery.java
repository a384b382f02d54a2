package org.hostingreview.proposal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The proposals list's filters and its keyset cursor ({@code after} = the last row's update time in
 * microseconds and id), as they arrive in the query string.
 */
public record ProposalQuery(String status, String team, String q, String sort, String after) {

    public static final int PAGE_SIZE = 20;

    public boolean oldestFirst() {
        return "oldest".equals(sort);
    }

    Optional<ProposalStatus> statusFilter() {
        try {
            return status == null || status.isBlank() ? Optional.empty() : Optional.of(ProposalStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<Long> teamFilter() {
        try {
            return team == null || team.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(team.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * What to look for in a proposal's title and feature name: the search lower-cased, without control characters (a
     * line break separates the two in the searched column, V26_1: with none in the search, it cannot match across them),
     * at most 100 characters; empty when nothing is left.
     */
    Optional<String> searchText() {
        if (q == null) {
            return Optional.empty();
        }
        String text = q.replaceAll("\\p{Cntrl}", " ").strip().toLowerCase(Locale.ROOT);
        text = text.length() > 100 ? text.substring(0, 100).strip() : text;
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** {@code text} as a LIKE pattern that finds it anywhere, the user's own wildcards escaped. */
    static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Whether {@code text} holds three letters or digits in a row: the least a trigram index can look up. */
    static boolean hasTrigram(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isLetterOrDigit(text.charAt(i)) ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }

    record Cursor(Instant updatedAt, long id) {
        String encode() {
            long micros = updatedAt.getEpochSecond() * 1_000_000L + updatedAt.getNano() / 1_000;
            return micros + "-" + id;
        }
    }

    static String cursorOf(ProposalRow row) {
        return new Cursor(row.updatedAt(), row.id()).encode();
    }

    Optional<Cursor> cursor() {
        if (after == null || !after.matches("\\d{1,19}-\\d{1,19}")) {
            return Optional.empty();
        }
        try {
            String[] parts = after.split("-");
            long micros = Long.parseLong(parts[0]);
            Instant at = Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
            return Optional.of(new Cursor(at, Long.parseLong(parts[1])));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The same filters, on the page after {@code cursor}. */
    public String nextPageQuery(String cursor) {
        StringBuilder out = new StringBuilder();
        append(out, "status", status);
        append(out, "team", team);
        append(out, "q", q);
        append(out, "sort", sort);
        append(out, "after", cursor);
        return out.toString();
    }

    private static void append(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.append(out.length() == 0 ? "?" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
