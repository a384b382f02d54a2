package org.hostingreview.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The numbered markers of a statement become JDBC's, each bound to its value, and which failures mean a dead connection. */
class RowsTest {

    @Test
    void eachNumberedMarkerTakesItsValueInTheOrderTheMarkersCome() {
        List<Object> bound = new ArrayList<>();

        String jdbc = Rows.jdbc("select ?2, ?1 where a = ?2 and b = ?10", List.of("a", "b", 3, 4, 5, 6, 7, 8, 9, "j"), bound);

        assertThat(jdbc).isEqualTo("select ?, ? where a = ? and b = ?");
        assertThat(bound).containsExactly("b", "a", "b", "j");
    }

    @Test
    void aMarkerWithoutAValueIsRefused() {
        assertThatThrownBy(() -> Rows.jdbc("select ?3", List.of(1, 2), new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("?3 has no value: 2 given");
        assertThatThrownBy(() -> Rows.jdbc("select ?0", List.of(1), new ArrayList<>())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachNamedParameterTakesItsValueAndCastsAndQuotedColonsAreLeftAlone() {
        List<Object> bound = new ArrayList<>();
        java.util.Map<String, Object> named = new java.util.HashMap<>();
        named.put("me", 7L);
        named.put("today", "2026-12-03");
        named.put("none", null);

        String jdbc = Rows.jdbc("select x::text, ':me', \"a:b\" from t where a = :me and d >= cast(:today as date) and b = :me "
                + "and c is not distinct from :none and j ? 'k' and x = 1:", named, bound);

        assertThat(jdbc).isEqualTo("select x::text, ':me', \"a:b\" from t where a = ? and d >= cast(? as date) and b = ? "
                + "and c is not distinct from ? and j ? 'k' and x = 1:");
        assertThat(bound).containsExactly(7L, "2026-12-03", 7L, null);
    }

    @Test
    void aNameWithoutAValueIsRefused() {
        assertThatThrownBy(() -> Rows.jdbc("select :team", java.util.Map.of("me", 1L), new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":team has no value");
    }

    @Test
    void aConnectionExceptionOrTheServersShutdownOfTheBackendMeansADeadConnectionAndNothingElseDoes() {
        assertThat(Rows.dead(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(Rows.dead(new SQLException("closed", "08003"))).isTrue();
        assertThat(Rows.dead(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(Rows.dead(new SQLException("unique violation", "23505"))).isFalse();
        assertThat(Rows.dead(new SQLException("cancelled on timeout", "57014"))).isFalse();
        assertThat(Rows.dead(new SQLException("no state"))).isFalse();
    }
}
