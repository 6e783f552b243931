package org.qchat.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.qchat.server.db.Tx;
import org.qchat.server.db.Jdbc;

/** Who blocked whom. */
public final class BlockStore {

    private static final String EXISTS = "SELECT 1 FROM blocks WHERE user_id = ? AND blocked_id = ?";
    private static final String INSERT = "INSERT INTO blocks (user_id, blocked_id, created_at) VALUES (?, ?, ?)";
    private static final String DELETE = "DELETE FROM blocks WHERE user_id = ? AND blocked_id = ?";
    private static final String LIST = "SELECT blocked_id FROM blocks WHERE user_id = ? ORDER BY created_at";

    /** {@code userId} blocks {@code blockedId}. */
    public record Block(long userId, long blockedId) {
    }

    /**
     * Those of {@code candidates} that are in force: one statement executed per candidate, each a
     * primary-key lookup (H2 would answer a row-value {@code IN} list by scanning the table).
     */
    public Set<Block> existing(Tx c, Collection<Block> candidates) throws SQLException {
        Set<Block> out = new HashSet<>();
        try (PreparedStatement lookup = c.connection().prepareStatement(EXISTS)) {
            for (Block b : candidates) {
                lookup.setLong(1, b.userId());
                lookup.setLong(2, b.blockedId());
                try (ResultSet rs = lookup.executeQuery()) {
                    if (rs.next()) {
                        out.add(b);
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code userId} blocked {@code blockedId}. */
    public boolean isBlocked(Tx c, long userId, long blockedId) throws SQLException {
        return Jdbc.exists(c, EXISTS, userId, blockedId);
    }

    /** Whether either user blocked the other. */
    public boolean eitherBlocked(Tx c, long a, long b) throws SQLException {
        return isBlocked(c, a, b) || isBlocked(c, b, a);
    }

    /** The caller checked that {@code userId} does not block {@code blockedId} yet. */
    public void block(Tx c, long userId, long blockedId, long now) throws SQLException {
        Jdbc.update(c, INSERT, userId, blockedId, now);
    }

    public void unblock(Tx c, long userId, long blockedId) throws SQLException {
        Jdbc.update(c, DELETE, userId, blockedId);
    }

    public List<Long> blockedBy(Tx c, long userId) throws SQLException {
        return Jdbc.list(c, LIST, rs -> rs.getLong(1), userId);
    }
}
