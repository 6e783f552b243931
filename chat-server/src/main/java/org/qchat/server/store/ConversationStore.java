package org.qchat.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.qchat.server.db.Tx;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.server.db.Jdbc;

/**
 * Conversations, their last seq, and membership periods. Whoever changes a membership or appends
 * a message first locks the conversation row ({@link #lock}), so a membership boundary and a seq
 * are never decided from different views of the conversation.
 */
public final class ConversationStore {

    private static final String COLUMNS = "id, kind, last_seq, user_lo, user_hi";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM conversations WHERE id = ?";
    private static final String LOCK = "SELECT " + COLUMNS + " FROM conversations WHERE id = ? FOR UPDATE";
    /** Followed by a list of ids; locks in id order, so two such locks can never deadlock each other. */
    private static final String LOCK_ALL_PREFIX = "SELECT " + COLUMNS + " FROM conversations WHERE id IN (";
    private static final String LOCK_ALL_SUFFIX = ") ORDER BY id FOR UPDATE";
    private static final String LOCK_FOR_CHANGE = "UPDATE conversations SET state_version = state_version + 1 "
            + "WHERE id = ? RETURNING last_seq";
    private static final String PRIVATE_BY_PAIR = "SELECT " + COLUMNS + " FROM conversations WHERE user_lo = ? AND user_hi = ?";
    private static final String INSERT_PRIVATE = "INSERT INTO conversations (kind, last_seq, user_lo, user_hi, created_at) "
            + "VALUES ('private', 0, ?, ?, ?)";
    private static final String INSERT_GROUP = "INSERT INTO conversations (kind, last_seq, created_at) VALUES ('group', 0, ?)";
    private static final String SET_LAST_SEQ = "UPDATE conversations SET last_seq = ? WHERE id = ?";
    private static final String OPEN_PERIOD = "INSERT INTO conversation_members (conv_id, user_id, from_seq) VALUES (?, ?, ?)";
    private static final String CLOSE_PERIOD = "UPDATE conversation_members SET until_seq = ? "
            + "WHERE conv_id = ? AND user_id = ? AND until_seq IS NULL";
    private static final String ACTIVE_MEMBERS_OF = "SELECT conv_id, user_id FROM conversation_members "
            + "WHERE until_seq IS NULL AND conv_id IN (";
    private static final String PERIODS_IN = "SELECT conv_id, from_seq, until_seq FROM conversation_members "
            + "WHERE conv_id = ? AND user_id = ? ORDER BY from_seq";
    private static final String PERIODS_OF_USER = "SELECT p.conv_id, p.from_seq, p.until_seq, c.id, c.kind, c.last_seq, c.user_lo, c.user_hi "
            + "FROM conversation_members p JOIN conversations c ON c.id = p.conv_id WHERE p.user_id = ? ORDER BY p.conv_id, p.from_seq";

    /** A membership period joined with its conversation. */
    public record PeriodView(MembershipPeriod period, ConversationRecord conversation) {
    }

    public Optional<ConversationRecord> find(Tx c, long convId) throws SQLException {
        return Jdbc.one(c, BY_ID, ConversationStore::map, convId);
    }

    /** Reads the conversation and locks its row until the transaction ends. */
    public Optional<ConversationRecord> lock(Tx c, long convId) throws SQLException {
        return Jdbc.one(c, LOCK, ConversationStore::map, convId);
    }

    /**
     * Reads the conversations among {@code convIds} that exist and locks their rows until the
     * transaction ends, lowest id first.
     */
    public Map<Long, ConversationRecord> lockAll(Tx c, Collection<Long> convIds) throws SQLException {
        Map<Long, ConversationRecord> out = new HashMap<>();
        for (List<Long> part : Jdbc.chunks(List.copyOf(convIds), Jdbc.MAX_IN_VALUES)) {
            String sql = LOCK_ALL_PREFIX + Jdbc.placeholders(part.size(), 1) + LOCK_ALL_SUFFIX;
            for (ConversationRecord r : Jdbc.list(c, sql, ConversationStore::map, part.toArray())) {
                out.put(r.id(), r);
            }
        }
        return out;
    }

    /**
     * Cluster: locks the conversation row until the transaction ends and bumps its
     * {@code state_version}, so every append decided against the members before this change fails
     * its version check. Returns the last seq stored (by any node). PostgreSQL only.
     */
    public long lockForChange(Tx c, long convId) throws SQLException {
        return Jdbc.one(c, LOCK_FOR_CHANGE, rs -> rs.getLong(1), convId)
                .orElseThrow(() -> new SQLException("no conversation " + convId));
    }

    public Optional<ConversationRecord> findPrivate(Tx c, long a, long b) throws SQLException {
        return Jdbc.one(c, PRIVATE_BY_PAIR, ConversationStore::map, Math.min(a, b), Math.max(a, b));
    }

    public long createPrivate(Tx c, long a, long b, long now) throws SQLException {
        return Jdbc.insert(c, INSERT_PRIVATE, Math.min(a, b), Math.max(a, b), now);
    }

    public long createGroup(Tx c, long now) throws SQLException {
        return Jdbc.insert(c, INSERT_GROUP, now);
    }

    /** Sets the last seq of each conversation, in one JDBC batch. */
    public void setLastSeqs(Tx c, Map<Long, Long> lastSeqByConv) throws SQLException {
        List<Object[]> rows = new ArrayList<>(lastSeqByConv.size());
        lastSeqByConv.forEach((convId, lastSeq) -> rows.add(new Object[] {lastSeq, convId}));
        Jdbc.updateBatch(c, SET_LAST_SEQ, rows);
    }

    /**
     * Starts a membership period right after the current last message. The caller holds the
     * conversation's lock ({@link #lock}) and passes its last seq.
     */
    public void openPeriod(Tx c, long convId, long userId, long lastSeq) throws SQLException {
        Jdbc.update(c, OPEN_PERIOD, convId, userId, lastSeq + 1);
    }

    /** Ends the open membership period at the current last message; the caller holds the lock. */
    public void closePeriod(Tx c, long convId, long userId, long lastSeq) throws SQLException {
        Jdbc.update(c, CLOSE_PERIOD, lastSeq, convId, userId);
    }

    /**
     * The current members of each of {@code convIds}; a conversation without any is absent. Not for
     * the system conversation, whose members are everyone.
     */
    public Map<Long, List<Long>> activeMemberIds(Tx c, Collection<Long> convIds) throws SQLException {
        Map<Long, List<Long>> out = new HashMap<>();
        for (List<Long> part : Jdbc.chunks(List.copyOf(convIds), Jdbc.MAX_IN_VALUES)) {
            String sql = ACTIVE_MEMBERS_OF + Jdbc.placeholders(part.size(), 1) + ")";
            for (long[] row : Jdbc.list(c, sql, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, part.toArray())) {
                out.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
            }
        }
        return out;
    }

    public List<MembershipPeriod> periods(Tx c, long convId, long userId) throws SQLException {
        return Jdbc.list(c, PERIODS_IN, ConversationStore::mapPeriod, convId, userId);
    }

    public List<PeriodView> periodsOfUser(Tx c, long userId) throws SQLException {
        return Jdbc.list(c, PERIODS_OF_USER, rs -> new PeriodView(mapPeriod(rs), map(rs)), userId);
    }

    private static MembershipPeriod mapPeriod(ResultSet rs) throws SQLException {
        return new MembershipPeriod(rs.getLong("conv_id"), rs.getLong("from_seq"), Jdbc.nullableLong(rs, "until_seq"));
    }

    private static ConversationRecord map(ResultSet rs) throws SQLException {
        return new ConversationRecord(rs.getLong("id"), ConversationKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getLong("last_seq"), Jdbc.nullableLong(rs, "user_lo"), Jdbc.nullableLong(rs, "user_hi"));
    }
}
