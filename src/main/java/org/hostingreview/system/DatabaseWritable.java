package org.hostingreview.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
    Rows rows;

    @Override
    public HealthCheckResponse call() {
        var answer = HealthCheckResponse.named("Database writable");
        try {
            // a connection cut since its last use is passed over (Rows): a restart is not reported as the database down
            boolean readOnly = rows.withLive(c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select current_setting('transaction_read_only'), pg_is_in_recovery()")) {
                    rs.next();
                    return "on".equals(rs.getString(1)) || rs.getBoolean(2);
                }
            });
            return answer.status(!readOnly).withData("mode", readOnly ? "read-only (maintenance)" : "read-write").build();
        } catch (SQLException e) {
            return answer.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
