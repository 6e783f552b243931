package org.qchat.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.qchat.server.db.Jdbc;

/** Per-device sync cursors: the highest seq of each conversation a device has stored. */
public final class CursorStore {

    private static final String OF_DEVICE = "SELECT conv_id, seq FROM device_cursors WHERE user_id = ? AND device = ?";
    private static final String ADVANCE = "UPDATE device_cursors SET seq = GREATEST(seq, ?), updated_at = ? "
            + "WHERE user_id = ? AND device = ? AND conv_id = ?";
    private static final String INSERT = "INSERT INTO device_cursors (user_id, device, conv_id, seq, updated_at) VALUES (?, ?, ?, ?, ?)";

    public Map<Long, Long> cursorsOf(Connection c, long userId, String device) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        for (long[] row : Jdbc.list(c, OF_DEVICE, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, userId, device)) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    /** Moves the cursor forward to {@code seq}; never moves it back. */
    public void advance(Connection c, long userId, String device, long convId, long seq, long now) throws SQLException {
        if (Jdbc.update(c, ADVANCE, seq, now, userId, device, convId) == 0) {
            Jdbc.update(c, INSERT, userId, device, convId, seq, now);
        }
    }
}
