package org.qchat.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.qchat.server.db.Jdbc;

/** Who blocked whom. */
public final class BlockStore {

    /** Followed by a list of (user_id, blocked_id) rows; uses the primary key. */
    private static final String EXISTING = "SELECT user_id, blocked_id FROM blocks WHERE (user_id, blocked_id) IN ";
    private static final String EXISTS = "SELECT 1 FROM blocks WHERE user_id = ? AND blocked_id = ?";
    private static final String INSERT = "INSERT INTO blocks (user_id, blocked_id, created_at) VALUES (?, ?, ?)";
    private static final String DELETE = "DELETE FROM blocks WHERE user_id = ? AND blocked_id = ?";
    private static final String LIST = "SELECT blocked_id FROM blocks WHERE user_id = ? ORDER BY created_at";

    /** {@code userId} blocks {@code blockedId}. */
    public record Block(long userId, long blockedId) {
    }

    /** Those of {@code candidates} that are in force. */
    public Set<Block> existing(Connection c, Collection<Block> candidates) throws SQLException {
        Set<Block> out = new HashSet<>();
        for (List<Block> part : Jdbc.chunks(List.copyOf(candidates), Jdbc.MAX_IN_VALUES)) {
            Object[] args = new Object[part.size() * 2];
            for (int i = 0; i < part.size(); i++) {
                args[2 * i] = part.get(i).userId();
                args[2 * i + 1] = part.get(i).blockedId();
            }
            String sql = EXISTING + "(" + Jdbc.placeholders(part.size(), 2) + ")";
            out.addAll(Jdbc.list(c, sql, rs -> new Block(rs.getLong(1), rs.getLong(2)), args));
        }
        return out;
    }

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
