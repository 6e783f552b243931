package org.qchat.server.store;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qchat.server.db.Jdbc;
import org.qchat.server.db.Tx;

/**
 * Read cursors (one per user and conversation, {@code msg.read}) and the delivered cursors that
 * follow from the device cursors: a user's delivered cursor is the highest over their devices.
 */
public final class ReadStateStore {

    private static final String READ_OF = "SELECT seq FROM read_cursors WHERE user_id = ? AND conv_id = ?";
    private static final String READS_OF_USER = "SELECT conv_id, seq FROM read_cursors WHERE user_id = ?";
    private static final String ADVANCE_READ = "UPDATE read_cursors SET seq = ?, updated_at = ? "
            + "WHERE user_id = ? AND conv_id = ? AND seq < ?";
    private static final String INSERT_READ = "INSERT INTO read_cursors (user_id, conv_id, seq, updated_at) VALUES (?, ?, ?, ?)";
    private static final String DELIVERED_OF = "SELECT MAX(seq) FROM device_cursors WHERE user_id = ? AND conv_id = ?";

    /**
     * Moves the user's read cursor forward to {@code seq}. Returns true if it moved. Two moves of one
     * cursor at once may both try the insert; the loser's unique violation fails its transaction,
     * which the caller retries.
     */
    public boolean advanceRead(Tx c, long userId, long convId, long seq, long now) throws SQLException {
        if (Jdbc.update(c, ADVANCE_READ, seq, now, userId, convId, seq) > 0) {
            return true;
        }
        if (Jdbc.exists(c, READ_OF, userId, convId)) {
            return false;
        }
        Jdbc.update(c, INSERT_READ, userId, convId, seq, now);
        return true;
    }

    /** The user's read cursor, 0 if none. */
    public long readOf(Tx c, long userId, long convId) throws SQLException {
        return Jdbc.one(c, READ_OF, rs -> rs.getLong(1), userId, convId).orElse(0L);
    }

    /** Every read cursor of the user, by conversation. */
    public Map<Long, Long> readsOf(Tx c, long userId) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        for (long[] row : Jdbc.list(c, READS_OF_USER, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, userId)) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    /** The highest stored device cursor of the user in the conversation, 0 if none. */
    public long deliveredOf(Tx c, long userId, long convId) throws SQLException {
        return Jdbc.one(c, DELIVERED_OF, rs -> rs.getLong(1), userId, convId).orElse(0L);
    }

    /** Read cursors of the listed users in one conversation (absent: 0). */
    public Map<Long, Long> readsIn(Tx c, long convId, List<Long> userIds) throws SQLException {
        return perUser(c, "SELECT user_id, seq FROM read_cursors WHERE conv_id = ? AND user_id IN ", convId, userIds, "");
    }

    /** The highest stored device cursor of each listed user in one conversation (absent: 0). */
    public Map<Long, Long> deliveredIn(Tx c, long convId, List<Long> userIds) throws SQLException {
        return perUser(c, "SELECT user_id, MAX(seq) FROM device_cursors WHERE conv_id = ? AND user_id IN ", convId, userIds,
                " GROUP BY user_id");
    }

    private static Map<Long, Long> perUser(Tx c, String head, long convId, List<Long> userIds, String tail)
            throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        for (List<Long> chunk : Jdbc.chunks(userIds, Jdbc.MAX_IN_VALUES)) {
            Object[] args = new Object[chunk.size() + 1];
            args[0] = convId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            String sql = head + "(" + Jdbc.placeholders(chunk.size(), 1) + ")" + tail;
            for (long[] row : Jdbc.list(c, sql, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, args)) {
                out.put(row[0], row[1]);
            }
        }
        return out;
    }
}
