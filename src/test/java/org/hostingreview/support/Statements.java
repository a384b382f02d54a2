package org.hostingreview.support;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.quarkus.arc.Arc;

/** The SQL statements a page costs, as Hibernate counts them (test statistics are on: {@code %test} profile). */
public final class Statements {

    private Statements() {
    }

    /** The statements of the second of two requests for {@code path} (the first warms the caches), sign-in included. */
    public static long ofPage(WebSession session, String path) {
        Statistics statistics = Arc.container().instance(EntityManagerFactory.class).get().unwrap(SessionFactory.class)
                .getStatistics();
        session.get(path).then().statusCode(200);
        statistics.clear();
        session.get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }
}
