package org.hostingreview.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A read of a page's rows as plain JDBC, for the statements every page view runs (and a background batch's writes,
 * {@link #write}). Hibernate's native query resolves the
 * result's columns from the driver's metadata on every call and goes through its session and its statement layers: for
 * the proposals list that was 9 % of the app's CPU per page beside the 6.5 % the driver itself took (async-profiler at
 * 100x). The statement is written as for Hibernate ({@code ?1}, {@code ?2}, … a number may repeat) and returns each row
 * as the driver's objects: {@code Long}, {@code String}, {@code BigDecimal}, {@code Timestamp}, like a native query's.
 * Inside a transaction the pool hands out the connection enlisted in it, the one Hibernate uses; outside one, a pooled
 * connection for this statement alone. A failure surfaces as Hibernate's would, a {@link PersistenceException} over the
 * {@link SQLException}, whose SQLState the error pages read.
 *
 * <p>Pooled connections are checked before use only when idle for {@code quarkus.datasource.jdbc.foreground-validation-interval}
 * (half a second, as HikariCP does), not on every borrow: the check is a round trip, two per page, and dropping it gave
 * 8-23 % more pages a second at 100x (two apps side by side, five rounds). A connection cut within that half second (a
 * restart, an administrator ending the app's backends) is found dead by the statement itself: {@link #withLive} then takes
 * the next one, as the pool's exception sorter has destroyed the dead one, so the reads outside a transaction, the session
 * check first among them, still answer.
 */
@ApplicationScoped
public class Rows {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    @Inject
    DataSource dataSource;

    private final Counter reads;

    @Inject
    Rows(MeterRegistry meters) {
        reads = Counter.builder("hosting_review_plain_reads")
                .description("Statements read as plain JDBC, beside Hibernate's (the session check is counted on its own)")
                .register(meters);
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** The most connections a read tries when each it is given turns out dead: more than the pool holds. */
    static final int MOST_ATTEMPTS = 64;

    /**
     * {@code work} on a pooled connection; when it fails because that connection was dead (cut since its last use), on the
     * next one, up to {@link #MOST_ATTEMPTS}. Only outside a transaction: inside one, the connection is the transaction's.
     * A database that cannot be reached fails at once, when the pool cannot open a connection. For reads only: a write
     * whose connection died may have committed, and would be written again.
     */
    public <T> T withLive(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    return work.on(connection);
                } catch (SQLException e) {
                    if (attempt >= MOST_ATTEMPTS || !dead(e) || io.quarkus.narayana.jta.QuarkusTransaction.isActive()) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * The connection was dead: a connection exception (SQLState class 08, which the pool's PostgreSQL exception sorter
     * destroys the connection for) or the server's own shutdown of the backend (57P01-57P03).
     */
    static boolean dead(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /**
     * A time the driver returned (a {@code timestamptz} through JDBC or Hibernate: an {@code Instant}, an
     * {@code OffsetDateTime} or a {@code Timestamp}) as an {@code Instant}; null stays null.
     */
    public static java.time.Instant instant(Object value) {
        if (value == null || value instanceof java.time.Instant) {
            return (java.time.Instant) value;
        } else if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        } else if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value.getClass());
    }

    /** The rows of {@code sql}; {@code params.get(n - 1)} is bound to each {@code ?n}. */
    public List<Object[]> read(String sql, List<?> params) {
        List<Object> bound = new ArrayList<>();
        return readBound(jdbc(sql, params, bound), bound);
    }

    /** The rows of {@code sql}; {@code named.get(name)} is bound to each {@code :name}. */
    public List<Object[]> read(String sql, Map<String, ?> named) {
        List<Object> bound = new ArrayList<>();
        return readBound(jdbc(sql, named, bound), bound);
    }

    private List<Object[]> readBound(String jdbc, List<Object> bound) {
        reads.increment();
        try {
            return withLive(connection -> rows(connection, jdbc, bound));
        } catch (SQLException e) {
            throw new PersistenceException("Reading rows failed", e);
        }
    }

    /**
     * A write ({@code insert}, {@code update}) in the caller's transaction, on the connection enlisted in it (the one
     * Hibernate uses), for background work that writes a batch as one statement. Markers as
     * for {@link #read(String, List)}; a {@code Long[]} or {@code String[]} is bound as an array. Never retried: a write
     * whose connection died may have committed. Returns how many rows it wrote.
     */
    public int write(String sql, List<?> params) {
        return inTransaction(sql, params, (connection, jdbc, bound) -> {
            try (PreparedStatement statement = connection.prepareStatement(jdbc)) {
                bind(connection, statement, bound);
                return statement.executeUpdate();
            }
        });
    }

    /** A write as {@link #write}, with a {@code returning} clause: the rows it returns. */
    public List<Object[]> writeReturning(String sql, List<?> params) {
        return inTransaction(sql, params, Rows::rows);
    }

    private interface Statement<T> {
        T run(Connection connection, String jdbc, List<Object> bound) throws SQLException;
    }

    private <T> T inTransaction(String sql, List<?> params, Statement<T> statement) {
        if (!io.quarkus.narayana.jta.QuarkusTransaction.isActive()) {
            throw new IllegalStateException("A write joins a transaction");
        }
        List<Object> bound = new ArrayList<>();
        String jdbc = jdbc(sql, params, bound);
        try (Connection connection = dataSource.getConnection()) {
            return statement.run(connection, jdbc, bound);
        } catch (SQLException e) {
            throw new PersistenceException("Writing rows failed", e);
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, List<Object> bound) throws SQLException {
        for (int i = 0; i < bound.size(); i++) {
            Object value = bound.get(i);
            if (value instanceof Long[] longs) {
                statement.setArray(i + 1, connection.createArrayOf("int8", longs));
            } else if (value instanceof String[] strings) {
                statement.setArray(i + 1, connection.createArrayOf("text", strings));
            } else if (value instanceof java.time.Instant instant) {
                // as Hibernate binds an Instant: a timestamp with time zone
                statement.setObject(i + 1, java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static List<Object[]> rows(Connection connection, String jdbc, List<Object> bound) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(jdbc)) {
            bind(connection, statement, bound);
            try (ResultSet row = statement.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (row.next()) {
                    Object[] values = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        values[c] = row.getObject(c + 1);
                    }
                    rows.add(values);
                }
                return rows;
            }
        }
    }

    /**
     * {@code sql} with each {@code :name} as JDBC's {@code ?}; the values in the order the names come, in {@code bound}.
     * Not a name: a cast ({@code ::}), or a colon inside a quoted literal or identifier.
     */
    static String jdbc(String sql, Map<String, ?> named, List<Object> bound) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!named.containsKey(name)) {
                    throw new IllegalArgumentException(":" + name + " has no value");
                }
                bound.add(named.get(name));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code sql} with each {@code ?n} as JDBC's {@code ?}; the values in the order the markers come, in {@code bound}. */
    static String jdbc(String sql, List<?> params, List<Object> bound) {
        Matcher marker = NUMBERED.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        while (marker.find()) {
            int n = Integer.parseInt(marker.group(1));
            if (n < 1 || n > params.size()) {
                throw new IllegalArgumentException("?" + n + " has no value: " + params.size() + " given");
            }
            bound.add(params.get(n - 1));
            marker.appendReplacement(out, "?");
        }
        marker.appendTail(out);
        return out.toString();
    }
}
