package org.qchat.server.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qchat.server.db.Jdbc;
import org.qchat.server.db.Tx;

/** Who recalled which message, and when: one row per recalled message. */
public final class RecallStore {

    private static final String INSERT = "INSERT INTO recalls (conv_id, seq, recalled_by, recalled_at) VALUES (?, ?, ?, ?)";
    private static final String BY = "SELECT recalled_by FROM recalls WHERE conv_id = ? AND seq = ?";
    private static final String BY_SEQS = "SELECT seq, recalled_by FROM recalls WHERE conv_id = ? AND seq IN ";

    public void record(Tx tx, long convId, long seq, long recalledBy, long now) throws SQLException {
        Jdbc.update(tx, INSERT, convId, seq, recalledBy, now);
    }

    /** Who recalled message {@code (convId, seq)}, if anyone did. */
    public Optional<Long> recalledBy(Tx tx, long convId, long seq) throws SQLException {
        return Jdbc.one(tx, BY, rs -> rs.getLong(1), convId, seq);
    }

    /** Who recalled each of {@code seqs} that was recalled, by seq. */
    public Map<Long, Long> recalledBy(Tx tx, long convId, Collection<Long> seqs) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        for (List<Long> chunk : Jdbc.chunks(new ArrayList<>(seqs), Jdbc.MAX_IN_VALUES)) {
            Object[] args = new Object[chunk.size() + 1];
            args[0] = convId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            String sql = BY_SEQS + "(" + Jdbc.placeholders(chunk.size(), 1) + ")";
            for (long[] row : Jdbc.list(tx, sql, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, args)) {
                out.put(row[0], row[1]);
            }
        }
        return out;
    }
}
