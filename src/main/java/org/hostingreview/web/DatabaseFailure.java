package org.hostingreview.web;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What kind of database failure an exception is, whatever wraps it ({@code RollbackException}, {@code
 * PersistenceException}, Hibernate's and Agroal's own): found by walking causes, suppressed and chained SQL exceptions
 * for a SQLState or a type that says it.
 */
public enum DatabaseFailure {
    /** Not a database failure we know how to answer. */
    NONE,
    /** A row changed under an optimistic lock ({@code @Version}). */
    STALE,
    /** A unique constraint (23505): the same thing was just recorded by another request. */
    DUPLICATE,
    /** A deadlock (40P01): PostgreSQL aborted one of two transactions. */
    DEADLOCK,
    /** A serialization failure (40001). */
    SERIALIZATION,
    /** The database is unreachable: connection-class SQLState 08xxx, 57P01–57P03, 53300, or no pooled connection in time. */
    UNAVAILABLE,
    /** The database is read-only (25006): maintenance or a standby. */
    READ_ONLY;

    /** A race between two requests: nothing half-done, the client may retry (and the app retries once where safe). */
    public boolean race() {
        return this == STALE || this == DUPLICATE || this == DEADLOCK || this == SERIALIZATION;
    }

    /** A transaction that failed this way rolled back entirely and may be run again as it is. */
    public boolean retryable() {
        return race();
    }

    public static DatabaseFailure of(Throwable error) {
        DatabaseFailure found = NONE;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(error);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            DatabaseFailure kind = one(t);
            // an outage explains everything else that failed with it; a race is more telling than a wrapper
            if (kind.ordinal() > found.ordinal()) {
                found = kind;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.add(s);
            }
        }
        return found;
    }

    private static DatabaseFailure one(Throwable t) {
        String state = null;
        if (t instanceof SQLException sql) {
            state = sql.getSQLState();
        } else if (t instanceof org.hibernate.JDBCException jdbc) {
            state = jdbc.getSQLState();
        }
        if (state != null) {
            if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300")) {
                return UNAVAILABLE;
            }
            switch (state) {
                case "25006":
                    return READ_ONLY;
                case "40P01":
                    return DEADLOCK;
                case "40001":
                    return SERIALIZATION;
                case "23505":
                    return DUPLICATE;
                default:
                    break;
            }
        }
        if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof java.net.ConnectException) {
            return UNAVAILABLE;
        }
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        // Agroal: "Sorry, acquisition timeout!" when no pooled connection frees up in time
        if (t instanceof SQLException && message.contains("acquisition timeout")) {
            return UNAVAILABLE;
        }
        if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException
                || t instanceof org.hibernate.dialect.lock.OptimisticEntityLockException) {
            return STALE;
        }
        return NONE;
    }
}
