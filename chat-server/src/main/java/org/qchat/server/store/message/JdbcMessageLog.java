package org.qchat.server.store.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.db.DataAccessException;
import org.qchat.server.db.Database;
import org.qchat.server.db.Jdbc;

/**
 * Messages in the database's {@code messages} table, each conversation's last seq in
 * {@code conversations.last_seq}, both written in one transaction per batch. For PostgreSQL (and a
 * cluster of nodes sharing it): a batch costs one statement that inserts every row and updates
 * every head it moved, its commit, and one lookup of its clientMsgIds (outside a transaction),
 * however many messages it holds. On H2 (tests and the
 * store benchmark) the same work runs as JDBC batches: H2 has no arrays-as-tables to bind.
 *
 * <p>The reads go through the {@code (conv_id, seq)} and {@code (sender_id, client_msg_id)} unique
 * indexes.
 */
public final class JdbcMessageLog implements MessageLog {

    private static final String COLUMNS = "id, conv_id, seq, sender_id, client_msg_id, body, created_at, kind";
    private static final String HEADS = "SELECT id, last_seq FROM conversations WHERE last_seq > 0";
    private static final String RANGE = "SELECT " + COLUMNS + " FROM messages WHERE conv_id = ? AND seq >= ? AND seq <= ? "
            + "ORDER BY seq LIMIT ?";
    private static final String ERASE = "UPDATE messages SET body = '' WHERE conv_id = ? AND seq = ?";

    /** The batch's rows and the heads they move, in one statement: one round trip before the commit. */
    private static final String PG_INSERT = "WITH stored AS ("
            + "INSERT INTO messages (conv_id, seq, sender_id, client_msg_id, body, created_at, kind) "
            + "SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::smallint[]) "
            + "RETURNING id, conv_id, seq), "
            + "heads AS (UPDATE conversations c SET last_seq = h.last_seq "
            + "FROM unnest(?::bigint[], ?::bigint[]) AS h(id, last_seq) WHERE c.id = h.id) "
            + "SELECT id, conv_id, seq FROM stored";
    private static final String PG_BY_CLIENT_IDS = "SELECT " + COLUMNS + " FROM messages "
            + "WHERE (sender_id, client_msg_id) IN (SELECT * FROM unnest(?::bigint[], ?::varchar[]))";

    /**
     * Cluster: the batch's conversations locked in id order, so two nodes' batches never deadlock.
     * NO KEY UPDATE, like the UPDATE of a state change, excludes both; unlike FOR UPDATE it lets
     * other transactions insert rows that reference the conversation (a device cursor's foreign key
     * takes a key-share lock), which would otherwise wait on the append and deadlock with it.
     */
    private static final String PG_LOCK_HEADS = "SELECT id, last_seq, state_version FROM conversations "
            + "WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE";

    private static final String H2_INSERT = "INSERT INTO messages (conv_id, seq, sender_id, client_msg_id, body, created_at, kind) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String H2_SET_HEAD = "UPDATE conversations SET last_seq = ? WHERE id = ?";
    private static final String H2_BY_CLIENT_ID = "SELECT " + COLUMNS + " FROM messages WHERE sender_id = ? AND client_msg_id = ?";

    private final Database db;
    private final boolean postgres;

    public JdbcMessageLog(Database db) {
        this.db = db;
        this.postgres = db.tx(Jdbc::isPostgres);
    }

    @Override
    public void forEachHead(HeadVisitor visitor) {
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement(HEADS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.head(rs.getLong(1), rs.getLong(2));
                }
            }
            return null;
        });
    }

    @Override
    public List<MessageInfo> append(List<Append> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        return run(c -> appendOn(c, batch));
    }

    /**
     * Appends inside the caller's transaction, as {@link #append} does in one of its own: for
     * messages that must commit or roll back with other writes (a group's system line with the
     * change it records). The writer thread only, like every append.
     */
    public List<MessageInfo> appendIn(org.qchat.server.db.Tx tx, List<Append> batch) {
        try {
            return batch.isEmpty() ? List.of() : appendOn(tx.connection(), batch);
        } catch (SQLException e) {
            throw new MessageLogException("storing messages failed", e);
        }
    }

    private List<MessageInfo> appendOn(Connection c, List<Append> batch) throws SQLException {
        Map<Long, Long> heads = new LinkedHashMap<>();
        for (Append a : batch) {
            heads.merge(a.convId(), a.seq(), Math::max);
        }
        {
            long[] ids;
            if (postgres) {
                ids = insertPostgres(c, batch, heads);
            } else {
                ids = insertH2(c, batch);
                List<Object[]> rows = new ArrayList<>(heads.size());
                heads.forEach((conv, seq) -> rows.add(new Object[] {seq, conv}));
                Jdbc.updateBatch(c, H2_SET_HEAD, rows);
            }
            List<MessageInfo> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Append a = batch.get(i);
                stored.add(a.stored(ids[i]));
            }
            return stored;
        }
    }

    /**
     * What a checked append stored: per append of the batch, its stored message or null where its
     * conversation's state version had moved (nothing of that conversation was stored), the
     * conversations so refused, and each stored conversation's new head.
     */
    public record Checked(List<MessageInfo> stored, Set<Long> stale, Map<Long, Long> heads) {
    }

    /** {@link #checkedAppend}'s "any version": a conversation whose senders are not decided by members. */
    public static final long ANY_VERSION = -1;

    /**
     * Cluster (PostgreSQL): appends while other nodes append to the same conversations. In one
     * transaction the batch's conversation rows are locked in id order; a conversation whose
     * {@code state_version} is no longer the one given in {@code versions} (another node changed
     * who may send there since this node read it) gets nothing stored; the others get seqs from
     * their row's last seq on — the seqs in {@code batch} are ignored — and are stored as
     * {@link #append} stores them. Gapless and unique per conversation whatever the nodes do.
     */
    public Checked checkedAppend(List<Append> batch, Map<Long, Long> versions) {
        if (!postgres) {
            throw new IllegalStateException("a cluster appends to PostgreSQL only");
        }
        return run(c -> {
            Map<Long, Long> heads = new LinkedHashMap<>();
            Set<Long> stale = new HashSet<>(versions.keySet());
            try (PreparedStatement ps = c.prepareStatement(PG_LOCK_HEADS)) {
                ps.setArray(1, c.createArrayOf("bigint", versions.keySet().toArray(Long[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long conv = rs.getLong(1);
                        long expected = versions.get(conv);
                        if (expected == ANY_VERSION || expected == rs.getLong(3)) {
                            heads.put(conv, rs.getLong(2));
                            stale.remove(conv);
                        }
                    }
                }
            }
            List<Append> kept = new ArrayList<>(batch.size());
            int[] keptIndex = new int[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                Append a = batch.get(i);
                Long head = heads.get(a.convId());
                if (head == null) {
                    keptIndex[i] = -1;
                    continue;
                }
                heads.put(a.convId(), head + 1);
                keptIndex[i] = kept.size();
                kept.add(a.at(head + 1));
            }
            long[] ids = kept.isEmpty() ? new long[0] : insertPostgres(c, kept, heads);
            List<MessageInfo> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (keptIndex[i] < 0) {
                    stored.add(null);
                } else {
                    stored.add(kept.get(keptIndex[i]).stored(ids[keptIndex[i]]));
                }
            }
            return new Checked(stored, stale, heads);
        });
    }

    /**
     * One statement: the whole batch inserted and its heads set; ids are matched back to rows by
     * (conv, seq), whatever order they return in.
     */
    private static long[] insertPostgres(Connection c, List<Append> batch, Map<Long, Long> heads) throws SQLException {
        int n = batch.size();
        Long[] convs = new Long[n];
        Long[] seqs = new Long[n];
        Long[] senders = new Long[n];
        String[] clientIds = new String[n];
        String[] texts = new String[n];
        Long[] times = new Long[n];
        Short[] kinds = new Short[n];
        Map<Long, Map<Long, Integer>> rowOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Append a = batch.get(i);
            convs[i] = a.convId();
            seqs[i] = a.seq();
            senders[i] = a.senderId();
            clientIds[i] = a.clientMsgId();
            texts[i] = StoredBody.body(a.stored(0));
            times[i] = a.time();
            kinds[i] = (short) StoredBody.kindCode(a.stored(0));
            rowOf.computeIfAbsent(a.convId(), k -> new HashMap<>()).put(a.seq(), i);
        }
        long[] ids = new long[n];
        try (PreparedStatement ps = c.prepareStatement(PG_INSERT)) {
            ps.setArray(1, c.createArrayOf("bigint", convs));
            ps.setArray(2, c.createArrayOf("bigint", seqs));
            ps.setArray(3, c.createArrayOf("bigint", senders));
            ps.setArray(4, c.createArrayOf("varchar", clientIds));
            ps.setArray(5, c.createArrayOf("varchar", texts));
            ps.setArray(6, c.createArrayOf("bigint", times));
            ps.setArray(7, c.createArrayOf("smallint", kinds));
            ps.setArray(8, c.createArrayOf("bigint", heads.keySet().toArray(Long[]::new)));
            ps.setArray(9, c.createArrayOf("bigint", heads.values().toArray(Long[]::new)));
            int returned = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids[rowOf.get(rs.getLong(2)).get(rs.getLong(3))] = rs.getLong(1);
                    returned++;
                }
            }
            if (returned != n) {
                throw new SQLException("inserted " + returned + " of " + n + " messages");
            }
        }
        // Ids come from one sequence in one statement; give them out in batch order, as the log promises.
        java.util.Arrays.sort(ids);
        return ids;
    }

    private static long[] insertH2(Connection c, List<Append> batch) throws SQLException {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Append a : batch) {
            rows.add(new Object[] {a.convId(), a.seq(), a.senderId(), a.clientMsgId(),
                    StoredBody.body(a.stored(0)), a.time(), StoredBody.kindCode(a.stored(0))});
        }
        return Jdbc.insertBatch(c, H2_INSERT, "id", rows);
    }

    @Override
    public Map<ClientKey, MessageInfo> findByClientIds(Collection<ClientKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        try {
            return db.read(tx -> postgres ? findPostgres(tx.connection(), keys) : findH2(tx.connection(), keys));
        } catch (DataAccessException e) {
            throw new MessageLogException("message store: " + e.getMessage(), e);
        }
    }

    private static Map<ClientKey, MessageInfo> findPostgres(Connection c, Collection<ClientKey> keys) throws SQLException {
        Long[] senders = new Long[keys.size()];
        String[] clientIds = new String[keys.size()];
        int i = 0;
        for (ClientKey k : keys) {
            senders[i] = k.senderId();
            clientIds[i] = k.clientMsgId();
            i++;
        }
        Map<ClientKey, MessageInfo> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(PG_BY_CLIENT_IDS)) {
            ps.setArray(1, c.createArrayOf("bigint", senders));
            ps.setArray(2, c.createArrayOf("varchar", clientIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MessageInfo m = map(rs);
                    found.put(new ClientKey(m.senderId(), m.clientMsgId()), m);
                }
            }
        }
        return found;
    }

    /**
     * One point lookup per key: H2 answers a row-value {@code IN} list by scanning the whole table,
     * so its cost would grow with every message ever stored.
     */
    private static Map<ClientKey, MessageInfo> findH2(Connection c, Collection<ClientKey> keys) throws SQLException {
        Map<ClientKey, MessageInfo> found = new HashMap<>();
        try (PreparedStatement lookup = c.prepareStatement(H2_BY_CLIENT_ID)) {
            for (ClientKey key : keys) {
                lookup.setLong(1, key.senderId());
                lookup.setString(2, key.clientMsgId());
                try (ResultSet rs = lookup.executeQuery()) {
                    if (rs.next()) {
                        found.put(key, map(rs));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public List<MessageInfo> range(long convId, long fromSeq, long toSeq, int limit) {
        if (fromSeq > toSeq || limit <= 0) {
            return List.of();
        }
        return run(c -> Jdbc.list(c, RANGE, JdbcMessageLog::map, convId, fromSeq, toSeq, limit));
    }

    @Override
    public boolean erase(long convId, long seq) {
        return run(c -> Jdbc.update(c, ERASE, convId, seq) > 0);
    }

    /** The database belongs to the server, which closes it after the writer stopped. */
    @Override
    public void close() {
    }

    /** Work on the connection of one transaction. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(SqlWork<T> work) {
        try {
            return db.tx(tx -> work.run(tx.connection()));
        } catch (DataAccessException e) {
            throw new MessageLogException("message store: " + e.getMessage(), e);
        }
    }

    private static MessageInfo map(ResultSet rs) throws SQLException {
        return StoredBody.restore(new MessageInfo(rs.getLong("id"), rs.getLong("conv_id"), rs.getLong("seq"),
                rs.getLong("sender_id"), rs.getString("client_msg_id"), rs.getString("body"), rs.getLong("created_at")),
                rs.getInt("kind"));
    }
}
