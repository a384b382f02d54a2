package org.hostingreview.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.hostingreview.support.OwnerDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The app's own database login cannot touch the trail, its checkpoints or the reviews, nor the triggers guarding them. */
@QuarkusTest
class RuntimeRolePrivilegesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "alter table audit_event disable trigger audit_event_no_update_delete",
            "alter table audit_event disable trigger all",
            "alter table proposal disable trigger proposal_status_transition",
            "alter table review disable trigger review_independent",
            "delete from audit_checkpoint",
            "update audit_checkpoint set hmac = 'x'",
            "truncate audit_event",
            "truncate audit_checkpoint",
            "truncate review",
            "update audit_event set actor = 'mallory'",
            "delete from review",
            "drop table audit_checkpoint",
            "create table mallory (id int)" })
    void theRuntimeRoleIsRefused(String statement) throws SQLException {
        try (Connection c = OwnerDatabase.asRuntime(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(statement)).as(statement).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).as(statement + ": " + e.getMessage()).isEqualTo("42501"));
        }
    }

    @Test
    void theRuntimeRoleOwnsNothing() throws SQLException {
        try (Connection c = OwnerDatabase.asRuntime(); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from pg_class where relowner = (select oid from pg_roles "
                        + "where rolname = current_user)")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
