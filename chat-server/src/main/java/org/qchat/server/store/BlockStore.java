package org.qchat.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.qchat.server.db.Jdbc;

/** Who blocked whom. */
public final class BlockStore {

    private static final String EXISTS = "SELECT 1 FROM blocks WHERE user_id = ? AND blocked_id = ?";
    private static final String INSERT = "INSERT INTO blocks (user_id, blocked_id, created_at) VALUES (?, ?, ?)";
    private static final String DELETE = "DELETE FROM blocks WHERE user_id = ? AND blocked_id = ?";
    private static final String LIST = "SELECT blocked_id FROM blocks WHERE user_id = ? ORDER BY created_at";

    /** Whether {@code userId} blocked {@code blockedId}. */
    public boolean isBlocked(Connection c, long userId, long blockedId) throws SQLException {
        return Jdbc.exists(c, EXISTS, userId, blockedId);
    }

    /** Whether either user blocked the other. */
    public boolean eitherBlocked(Connection c, long a, long b) throws SQLException {
        return isBlocked(c, a, b) || isBlocked(c, b, a);
    }

    public void block(Connection c, long userId, long blockedId, long now) throws SQLException {
        if (!isBlocked(c, userId, blockedId)) {
            Jdbc.update(c, INSERT, userId, blockedId, now);
        }
    }

    public void unblock(Connection c, long userId, long blockedId) throws SQLException {
        Jdbc.update(c, DELETE, userId, blockedId);
    }

    public List<Long> blockedBy(Connection c, long userId) throws SQLException {
        return Jdbc.list(c, LIST, rs -> rs.getLong(1), userId);
    }
}
