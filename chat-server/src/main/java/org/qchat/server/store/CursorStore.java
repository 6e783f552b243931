package org.qchat.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qchat.server.db.Tx;
import org.qchat.server.db.Jdbc;

/** Per-device sync cursors: the highest seq of each conversation a device has stored. */
public final class CursorStore {

    private static final String OF_DEVICE = "SELECT conv_id, seq FROM device_cursors WHERE user_id = ? AND device = ?";
    /** Inserts or moves forward, never back; PostgreSQL. */
    private static final String UPSERT_POSTGRES = "INSERT INTO device_cursors (user_id, device, conv_id, seq, updated_at) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, device, conv_id) "
            + "DO UPDATE SET seq = GREATEST(device_cursors.seq, EXCLUDED.seq), updated_at = EXCLUDED.updated_at";
    /** The same in standard SQL, for H2. */
    private static final String UPSERT_STANDARD = "MERGE INTO device_cursors d "
            + "USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))) "
            + "s (user_id, device, conv_id, seq, updated_at) "
            + "ON d.user_id = s.user_id AND d.device = s.device AND d.conv_id = s.conv_id "
            + "WHEN MATCHED THEN UPDATE SET seq = GREATEST(d.seq, s.seq), updated_at = s.updated_at "
            + "WHEN NOT MATCHED THEN INSERT (user_id, device, conv_id, seq, updated_at) "
            + "VALUES (s.user_id, s.device, s.conv_id, s.seq, s.updated_at)";

    /** Moves the cursor of (user, device, conversation) forward to {@code seq}. */
    public record Advance(long userId, String device, long convId, long seq) {
    }

    public Map<Long, Long> cursorsOf(Tx c, long userId, String device) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        for (long[] row : Jdbc.list(c, OF_DEVICE, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, userId, device)) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    /** Moves every cursor forward to its {@code seq} (never back), as one JDBC batch. */
    public void advanceAll(Tx c, List<Advance> advances, long now) throws SQLException {
        if (advances.isEmpty()) {
            return;
        }
        boolean postgres = Jdbc.isPostgres(c);
        try (PreparedStatement ps = c.connection().prepareStatement(postgres ? UPSERT_POSTGRES : UPSERT_STANDARD)) {
            for (Advance a : advances) {
                ps.setLong(1, a.userId());
                ps.setString(2, a.device());
                ps.setLong(3, a.convId());
                ps.setLong(4, a.seq());
                ps.setLong(5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
