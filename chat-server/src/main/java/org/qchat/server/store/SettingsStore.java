package org.qchat.server.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.qchat.server.db.Jdbc;
import org.qchat.server.db.Tx;

/** A user's own settings: per conversation (pinned, do not disturb) and per friend (remark). */
public final class SettingsStore {

    /** One user's settings of one conversation. */
    public record ConversationSettings(boolean pinned, boolean dnd) {
        public static final ConversationSettings NONE = new ConversationSettings(false, false);
    }

    private static final String OF = "SELECT pinned, dnd FROM conversation_settings WHERE user_id = ? AND conv_id = ?";
    private static final String OF_USER = "SELECT conv_id, pinned, dnd FROM conversation_settings WHERE user_id = ?";
    private static final String COUNT_PINNED = "SELECT COUNT(*) FROM conversation_settings WHERE user_id = ? AND pinned = TRUE";
    private static final String UPDATE = "UPDATE conversation_settings SET pinned = ?, dnd = ?, "
            + "pinned_at = CASE WHEN ? THEN COALESCE(pinned_at, ?) ELSE NULL END, updated_at = ? "
            + "WHERE user_id = ? AND conv_id = ?";
    private static final String INSERT = "INSERT INTO conversation_settings (user_id, conv_id, pinned, dnd, pinned_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SET_REMARK = "UPDATE friendships SET remark = ? WHERE user_id = ? AND friend_id = ?";
    private static final String REMARKS = "SELECT friend_id, remark FROM friendships WHERE user_id = ? AND remark IS NOT NULL";

    public Optional<ConversationSettings> of(Tx c, long userId, long convId) throws SQLException {
        return Jdbc.one(c, OF, rs -> new ConversationSettings(rs.getBoolean(1), rs.getBoolean(2)), userId, convId);
    }

    /** The user's settings of every conversation that has any, by conversation. */
    public Map<Long, ConversationSettings> ofUser(Tx c, long userId) throws SQLException {
        Map<Long, ConversationSettings> out = new HashMap<>();
        Jdbc.list(c, OF_USER, rs -> out.put(rs.getLong(1), new ConversationSettings(rs.getBoolean(2), rs.getBoolean(3))),
                userId);
        return out;
    }

    public int countPinned(Tx c, long userId) throws SQLException {
        return Jdbc.one(c, COUNT_PINNED, rs -> rs.getInt(1), userId).orElse(0);
    }

    /** Stores the settings; a conversation pinned before keeps the time it was first pinned. */
    public void put(Tx c, long userId, long convId, ConversationSettings settings, long now) throws SQLException {
        boolean pinned = settings.pinned();
        if (Jdbc.update(c, UPDATE, pinned, settings.dnd(), pinned, now, now, userId, convId) == 0) {
            Jdbc.update(c, INSERT, userId, convId, pinned, settings.dnd(), pinned ? now : null, now);
        }
    }

    /** Sets (or with null clears) the remark; false if the two are not friends. */
    public boolean setRemark(Tx c, long userId, long friendId, String remark) throws SQLException {
        return Jdbc.update(c, SET_REMARK, remark, userId, friendId) > 0;
    }

    /** The user's remarks, by friend. */
    public Map<Long, String> remarksOf(Tx c, long userId) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        Jdbc.list(c, REMARKS, rs -> out.put(rs.getLong(1), rs.getString(2)), userId);
        return out;
    }
}
