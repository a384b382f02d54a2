package org.hostingreview.support;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;

/**
 * The SQL statements a page costs: those Hibernate counts (test statistics are on: {@code %test} profile) and the
 * sign-in's session check, which runs on plain JDBC and is counted by its metric ({@code hosting_review_session_checks}).
 */
public final class Statements {

    private Statements() {
    }

    /** The statements of the second of two requests for {@code path} (the first warms the caches), sign-in included. */
    public static long ofPage(WebSession session, String path) {
        Statistics statistics = Arc.container().instance(EntityManagerFactory.class).get().unwrap(SessionFactory.class)
                .getStatistics();
        session.get(path).then().statusCode(200);
        statistics.clear();
        double checks = sessionChecks();
        double plain = plainReads();
        session.get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount() + Math.round(sessionChecks() - checks) + Math.round(plainReads() - plain);
    }

    /**
     * The transactions Hibernate took part in while {@code work} ran: the fewest of three runs, since a background job's
     * transaction may be counted meanwhile.
     */
    public static long fewestTransactions(Runnable work) {
        Statistics statistics = Arc.container().instance(EntityManagerFactory.class).get().unwrap(SessionFactory.class)
                .getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            statistics.clear();
            work.run();
            fewest = Math.min(fewest, statistics.getTransactionCount());
        }
        return fewest;
    }

    /** Statements read as plain JDBC so far (system/Rows), the session checks apart. */
    public static double plainReads() {
        return Arc.container().instance(MeterRegistry.class).get().counter("hosting_review_plain_reads").count();
    }

    /** Session checks run so far (one statement each). */
    public static double sessionChecks() {
        return Arc.container().instance(MeterRegistry.class).get().counter("hosting_review_session_checks").count();
    }
}
