package org.qchat.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Small helpers so repositories state their SQL and row mapping and nothing else. */
public final class Jdbc {

    /** Most values one {@code IN} list takes; well below every driver's parameter limit. */
    public static final int MAX_IN_VALUES = 500;

    private Jdbc() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    public static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT and returns the generated identity of the new row. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Runs one INSERT per row as a single JDBC batch and returns the generated {@code idColumn} of
     * each row, in row order.
     */
    public static long[] insertBatch(Connection c, String sql, String idColumn, List<Object[]> rows) throws SQLException {
        long[] ids = new long[rows.size()];
        if (rows.isEmpty()) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {idColumn})) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (int i = 0; i < ids.length; i++) {
                    if (!keys.next()) {
                        throw new SQLException("only " + i + " of " + ids.length + " generated keys for: " + sql);
                    }
                    ids[i] = keys.getLong(1);
                }
            }
        }
        return ids;
    }

    /** Runs one UPDATE (or other statement) per row as a single JDBC batch. */
    public static void updateBatch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static <T> List<T> list(Tx tx, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        return list(tx.connection(), sql, mapper, args);
    }

    public static <T> Optional<T> one(Tx tx, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        return one(tx.connection(), sql, mapper, args);
    }

    public static boolean exists(Tx tx, String sql, Object... args) throws SQLException {
        return exists(tx.connection(), sql, args);
    }

    public static int update(Tx tx, String sql, Object... args) throws SQLException {
        return update(tx.connection(), sql, args);
    }

    public static long insert(Tx tx, String sql, Object... args) throws SQLException {
        return insert(tx.connection(), sql, args);
    }

    public static long[] insertBatch(Tx tx, String sql, String idColumn, List<Object[]> rows) throws SQLException {
        return insertBatch(tx.connection(), sql, idColumn, rows);
    }

    public static void updateBatch(Tx tx, String sql, List<Object[]> rows) throws SQLException {
        updateBatch(tx.connection(), sql, rows);
    }

    /** Whether the transaction runs on PostgreSQL (else H2): for the few statements whose syntax differs. */
    public static boolean isPostgres(Tx tx) throws SQLException {
        return "PostgreSQL".equals(tx.connection().getMetaData().getDatabaseProductName());
    }

    /**
     * Placeholders for {@code count} values of {@code width} columns each, for {@code IN (...)}:
     * {@code ?, ?} for width 1, {@code (?, ?), (?, ?)} for width 2. Callers keep {@code count}
     * at most {@link #MAX_IN_VALUES}.
     */
    public static String placeholders(int count, int width) {
        String one = width == 1 ? "?" : "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        return String.join(", ", Collections.nCopies(count, one));
    }

    /** {@code list} cut into consecutive parts of at most {@code size} elements. */
    public static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            out.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return out;
    }

    /** Reads a nullable BIGINT column. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            bind(ps, args);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /**
     * Whether {@code failure} or one of its causes is a transaction PostgreSQL aborted to break a
     * deadlock or a serialization conflict (SQLSTATE 40P01, 40001): nothing of it was written, and
     * running it again may succeed.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && ("40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} or one of its causes is a unique-constraint violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && "23505".equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
