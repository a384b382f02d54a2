package org.hostingreview.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hostingreview.web.Role;

/**
 * The identity provider's groups to a team and roles ({@code OIDC_GROUPS}): entries separated by {@code ;}, each
 * {@code group=target,target} with a target {@code team:<team name>} or {@code role:<PROPOSER|REVIEWER|ADMIN>}. The
 * team is the one of the first entry (in the setting's order) whose group the user is in; the roles are those of every
 * entry whose group the user is in, Proposer when none is. A group matches with or without Keycloak's leading
 * {@code /} of a full path.
 */
final class GroupMapping {

    record Entry(String group, String team, Set<Role> roles) {
    }

    /** What a user's groups map to: no team means no entry gave one (the sign-in is refused then). */
    record Mapped(Optional<String> team, Set<Role> roles) {
    }

    private final List<Entry> entries;

    private GroupMapping(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** Parses the setting; a malformed entry fails with a message naming it (checked at start-up). */
    static GroupMapping parse(String setting) {
        List<Entry> entries = new ArrayList<>();
        if (setting == null || setting.isBlank()) {
            return new GroupMapping(entries);
        }
        for (String raw : setting.split(";")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("OIDC_GROUPS: \"" + entry + "\" is not group=team:<name> or group=role:<role>");
            }
            String group = normalise(entry.substring(0, eq));
            String team = null;
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String target : entry.substring(eq + 1).split(",")) {
                String t = target.strip();
                if (t.regionMatches(true, 0, "team:", 0, 5) && !t.substring(5).isBlank()) {
                    if (team != null) {
                        throw new IllegalArgumentException("OIDC_GROUPS: group \"" + group + "\" names two teams");
                    }
                    team = t.substring(5).strip();
                } else if (t.regionMatches(true, 0, "role:", 0, 5)) {
                    try {
                        roles.add(Role.valueOf(t.substring(5).strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("OIDC_GROUPS: \"" + t.substring(5).strip()
                                + "\" is not a role (PROPOSER, REVIEWER, ADMIN)");
                    }
                } else {
                    throw new IllegalArgumentException("OIDC_GROUPS: \"" + t + "\" is neither team:<name> nor role:<role>");
                }
            }
            entries.add(new Entry(group, team, roles));
        }
        return new GroupMapping(entries);
    }

    Mapped map(Collection<String> groups) {
        Set<String> mine = new java.util.HashSet<>();
        for (String g : groups) {
            if (g != null) {
                mine.add(normalise(g));
            }
        }
        String team = null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Entry e : entries) {
            if (!mine.contains(e.group())) {
                continue;
            }
            if (team == null && e.team() != null) {
                team = e.team();
            }
            roles.addAll(e.roles());
        }
        if (roles.isEmpty()) {
            roles.add(Role.PROPOSER);
        }
        return new Mapped(Optional.ofNullable(team), roles);
    }

    private static String normalise(String group) {
        String g = group.strip();
        return g.startsWith("/") ? g.substring(1) : g;
    }
}
