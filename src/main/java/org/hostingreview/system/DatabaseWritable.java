package org.hostingreview.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says DOWN while the database is read-only (maintenance, a standby after a fail-over): nobody could sign in
 * or save anything, so a load balancer should not send users here. The datasource's own check covers reachability.
 */
@Readiness
@ApplicationScoped
public class DatabaseWritable implements HealthCheck {

    @Inject
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var answer = HealthCheckResponse.named("Database writable");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_setting('transaction_read_only'), pg_is_in_recovery()")) {
            rs.next();
            boolean readOnly = "on".equals(rs.getString(1)) || rs.getBoolean(2);
            return answer.status(!readOnly).withData("mode", readOnly ? "read-only (maintenance)" : "read-write").build();
        } catch (SQLException e) {
            return answer.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
