package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The proposals list's search finds exactly the proposals whose title or feature name contains the search, ignoring
 * case, with the user's own {@code %}, {@code _} and {@code \} taken literally, over every page; after a proposal is
 * retitled or a feature renamed by any writer, the next search follows. Checked over thousands of generated searches on a
 * generated team, in a transaction that is rolled back (no other test sees the team).
 */
@QuarkusTest
class ProposalSearchTest {

    private static final String ALPHABET = "abcAB xy%_\\-0é";

    @Inject
    ProposalService proposals;

    @Inject
    EntityManager em;

    private final Random random = new Random(20261202L);

    @Test
    void aSearchFindsExactlyTheProposalsWhoseTitleOrFeatureNameContainsIt() {
        QuarkusTransaction.begin();
        try {
            long team = ((Number) em.createNativeQuery("insert into team (name) values ('Search team " + System.nanoTime()
                    + "') returning id").getSingleResult()).longValue();
            long template = ((Number) em.createNativeQuery("select min(id) from proposal").getSingleResult()).longValue();
            long creator = ((Number) em.createNativeQuery("select min(id) from app_user").getSingleResult()).longValue();
            Map<Long, String> featureNames = new HashMap<>();
            Map<Long, String[]> rows = new HashMap<>(); // proposal id -> title, feature id
            Set<String> usedNames = new TreeSet<>();
            for (int f = 0; f < 12; f++) {
                String name = uniqueName(usedNames);
                long id = ((Number) em.createNativeQuery("insert into feature (team_id, name, created_by, created_at) "
                        + "values (?1, ?2, ?3, now()) returning id").setParameter(1, team).setParameter(2, name)
                        .setParameter(3, creator).getSingleResult()).longValue();
                featureNames.put(id, name);
            }
            List<Long> features = new ArrayList<>(featureNames.keySet());
            for (int p = 0; p < 45; p++) {
                String title = text(3, 14);
                long feature = features.get(random.nextInt(features.size()));
                // a copy of an existing proposal with its own title, feature and team: written as any writer would,
                // so the search column comes from the database's trigger
                long id = ((Number) em.createNativeQuery("insert into proposal select (jsonb_populate_record(null::proposal, "
                        + "to_jsonb(p) || jsonb_build_object('id', nextval('proposal_id_seq'), 'title', cast(?1 as text), "
                        + "'feature_id', ?2, 'team_id', ?3, 'updated_at', now() - make_interval(secs => ?4)))).* "
                        + "from proposal p where p.id = ?5 returning id").setParameter(1, title).setParameter(2, feature)
                        .setParameter(3, team).setParameter(4, p).setParameter(5, template).getSingleResult()).longValue();
                rows.put(id, new String[] {title, String.valueOf(feature)});
            }
            SignedInUser member = new SignedInUser(creator, "search-member", "Search member", team, "Search team",
                    Set.of(Role.PROPOSER));

            int searches = searchAndCompare(member, rows, featureNames, 1_200);

            // any writer may retitle a proposal or rename a feature: the next search follows
            for (long id : new ArrayList<>(rows.keySet()).subList(0, 10)) {
                String title = text(3, 14);
                em.createNativeQuery("update proposal set title = ?1 where id = ?2").setParameter(1, title).setParameter(2, id)
                        .executeUpdate();
                rows.get(id)[0] = title;
            }
            for (long id : features.subList(0, 4)) {
                usedNames.remove(featureNames.get(id).toLowerCase(Locale.ROOT));
                String name = uniqueName(usedNames);
                em.createNativeQuery("update feature set name = ?1 where id = ?2").setParameter(1, name).setParameter(2, id)
                        .executeUpdate();
                featureNames.put(id, name);
            }
            searches += searchAndCompare(member, rows, featureNames, 1_200);
            assertThat(searches).isEqualTo(2_400);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private int searchAndCompare(SignedInUser member, Map<Long, String[]> rows, Map<Long, String> featureNames, int count) {
        List<String> haystack = new ArrayList<>();
        rows.values().forEach(r -> {
            haystack.add(r[0]);
            haystack.add(featureNames.get(Long.parseLong(r[1])));
        });
        int matched = 0;
        for (int i = 0; i < count; i++) {
            String search = search(haystack);
            String wanted = search.replaceAll("\\p{Cntrl}", " ").strip().toLowerCase(Locale.ROOT);
            Set<Long> expected = new TreeSet<>();
            rows.forEach((id, r) -> {
                if (wanted.isEmpty() || r[0].toLowerCase(Locale.ROOT).contains(wanted)
                        || featureNames.get(Long.parseLong(r[1])).toLowerCase(Locale.ROOT).contains(wanted)) {
                    expected.add(id);
                }
            });
            Set<Long> found = new TreeSet<>(everyPage(member, search));
            assertThat(found).as("search %s", search.replace("\n", "\\n")).isEqualTo(expected);
            matched += expected.isEmpty() ? 0 : 1;
        }
        // the generated searches are mostly pieces of what is there: most find something, some find nothing
        assertThat(matched).isBetween(count / 2, count - count / 20);
        return count;
    }

    private List<Long> everyPage(SignedInUser member, String search) {
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        String after = null;
        do {
            ProposalPage page = proposals.list(member, new ProposalQuery(null, null, search, null, after));
            page.rows().forEach(row -> {
                assertThat(seen.add(row.id())).as("row %s on two pages", row.id()).isTrue();
                ids.add(row.id());
            });
            after = page.nextCursor();
        } while (after != null);
        return ids;
    }

    /** A search: mostly a piece of a title or a feature name (in other case), sometimes with a line break or random. */
    private String search(List<String> haystack) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            String from = haystack.get(random.nextInt(haystack.size()));
            int start = random.nextInt(from.length());
            String piece = from.substring(start, start + 1 + random.nextInt(Math.min(6, from.length() - start)));
            return random.nextBoolean() ? piece.toUpperCase(Locale.ROOT) : piece;
        } else if (kind < 8) {
            // the end of one and the start of another, across a line break or a space: found only where one holds both
            String a = haystack.get(random.nextInt(haystack.size()));
            String b = haystack.get(random.nextInt(haystack.size()));
            return a.substring(Math.max(0, a.length() - 2)) + (random.nextBoolean() ? "\n" : " ") + b.substring(0, Math.min(2, b.length()));
        }
        return text(1, 4);
    }

    private String uniqueName(Set<String> used) {
        String name;
        do {
            name = text(3, 12);
        } while (!used.add(name.toLowerCase(Locale.ROOT)));
        return name;
    }

    private String text(int min, int max) {
        StringBuilder out = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        while (out.length() < length) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String text = out.toString().strip();
        return text.length() < min ? text(min, max) : text;
    }
}
