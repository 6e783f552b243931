package org.qchat.server.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.qchat.server.db.Tx;
import org.qchat.server.db.Jdbc;

/** Session tokens, by their SHA-256 hash. */
public final class SessionStore {

    /** A stored session. */
    public record SessionRecord(long id, long userId, String device, long lastUsedAt) {
    }

    private static final String INSERT = "INSERT INTO sessions (user_id, token_hash, device, created_at, last_used_at) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String BY_HASH = "SELECT id, user_id, device, last_used_at FROM sessions WHERE token_hash = ?";
    private static final String TOUCH = "UPDATE sessions SET last_used_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM sessions WHERE id = ?";
    private static final String DELETE_FOR_USER = "DELETE FROM sessions WHERE user_id = ?";
    private static final String IDS_FOR_USER = "SELECT id FROM sessions WHERE user_id = ?";
    private static final String DELETE_IDLE = "DELETE FROM sessions WHERE last_used_at < ?";

    public long insert(Tx c, long userId, String tokenHash, String device, long now) throws SQLException {
        return Jdbc.insert(c, INSERT, userId, tokenHash, device, now, now);
    }

    public Optional<SessionRecord> findByTokenHash(Tx c, String tokenHash) throws SQLException {
        return Jdbc.one(c, BY_HASH, rs -> new SessionRecord(rs.getLong("id"), rs.getLong("user_id"),
                rs.getString("device"), rs.getLong("last_used_at")), tokenHash);
    }

    public void touch(Tx c, long sessionId, long now) throws SQLException {
        Jdbc.update(c, TOUCH, now, sessionId);
    }

    public void delete(Tx c, long sessionId) throws SQLException {
        Jdbc.update(c, DELETE, sessionId);
    }

    public void deleteAllForUser(Tx c, long userId) throws SQLException {
        Jdbc.update(c, DELETE_FOR_USER, userId);
    }

    public List<Long> idsForUser(Tx c, long userId) throws SQLException {
        return Jdbc.list(c, IDS_FOR_USER, rs -> rs.getLong(1), userId);
    }

    public int deleteIdleSince(Tx c, long cutoff) throws SQLException {
        return Jdbc.update(c, DELETE_IDLE, cutoff);
    }
}
