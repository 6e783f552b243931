package org.qchat.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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
    /** H2: a primary-key update that never moves a cursor back, then an insert where no row existed. */
    private static final String ADVANCE_H2 = "UPDATE device_cursors SET seq = GREATEST(seq, ?), updated_at = ? "
            + "WHERE user_id = ? AND device = ? AND conv_id = ?";
    private static final String INSERT_H2 = "INSERT INTO device_cursors (user_id, device, conv_id, seq, updated_at) "
            + "VALUES (?, ?, ?, ?, ?)";

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

    /**
     * Moves every cursor forward to its {@code seq} (never back). PostgreSQL: one batch of upserts.
     * H2: one batch of primary-key updates, then one of inserts for the cursors that had no row (H2
     * answers a {@code MERGE ... USING (VALUES ...)} by building a temporary table per row, about ten
     * times the cost).
     */
    public void advanceAll(Tx c, List<Advance> advances, long now) throws SQLException {
        if (advances.isEmpty()) {
            return;
        }
        if (Jdbc.isPostgres(c)) {
            try (PreparedStatement ps = c.connection().prepareStatement(UPSERT_POSTGRES)) {
                for (Advance a : advances) {
                    bindRow(ps, a, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return;
        }
        List<Advance> missing = new ArrayList<>();
        try (PreparedStatement ps = c.connection().prepareStatement(ADVANCE_H2)) {
            for (Advance a : advances) {
                ps.setLong(1, a.seq());
                ps.setLong(2, now);
                ps.setLong(3, a.userId());
                ps.setString(4, a.device());
                ps.setLong(5, a.convId());
                ps.addBatch();
            }
            int[] updated = ps.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    missing.add(advances.get(i));
                }
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement ps = c.connection().prepareStatement(INSERT_H2)) {
                for (Advance a : missing) {
                    bindRow(ps, a, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void bindRow(PreparedStatement ps, Advance a, long now) throws SQLException {
        ps.setLong(1, a.userId());
        ps.setString(2, a.device());
        ps.setLong(3, a.convId());
        ps.setLong(4, a.seq());
        ps.setLong(5, now);
    }
}
