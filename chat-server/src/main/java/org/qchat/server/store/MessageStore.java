package org.qchat.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.db.Jdbc;

/** Stored messages. Reads go through the (conv_id, seq) unique index, one seq range at a time. */
public final class MessageStore {

    private static final String COLUMNS = "id, conv_id, seq, sender_id, client_msg_id, body, created_at";
    private static final String INSERT = "INSERT INTO messages (conv_id, seq, sender_id, client_msg_id, body, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    /** A point lookup through the (sender_id, client_msg_id) unique index. */
    private static final String BY_CLIENT_ID = "SELECT " + COLUMNS + " FROM messages WHERE sender_id = ? AND client_msg_id = ?";
    private static final String RANGE_ASC = "SELECT " + COLUMNS + " FROM messages WHERE conv_id = ? AND seq >= ? AND seq <= ? "
            + "ORDER BY seq LIMIT ?";

    /** What identifies a message to its sender: the sender and their clientMsgId. */
    public record ClientKey(long senderId, String clientMsgId) {
    }

    /** A message about to be inserted; the database gives it its id. */
    public record Draft(long convId, long seq, long senderId, String clientMsgId, String text, long time) {
    }

    /**
     * Inserts the drafts in order as one JDBC batch and returns them as stored messages, with ids
     * increasing in that order.
     */
    public List<MessageInfo> insertAll(Connection c, List<Draft> drafts) throws SQLException {
        List<Object[]> rows = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            rows.add(new Object[] {d.convId(), d.seq(), d.senderId(), d.clientMsgId(), d.text(), d.time()});
        }
        long[] ids = Jdbc.insertBatch(c, INSERT, "id", rows);
        List<MessageInfo> stored = new ArrayList<>(drafts.size());
        for (int i = 0; i < ids.length; i++) {
            Draft d = drafts.get(i);
            stored.add(new MessageInfo(ids[i], d.convId(), d.seq(), d.senderId(), d.clientMsgId(), d.text(), d.time()));
        }
        return stored;
    }

    /**
     * The stored messages among {@code keys}, by key; keys never used are absent. One statement,
     * executed once per key: a row-value {@code (sender_id, client_msg_id) IN (...)} list would be
     * one round trip, but H2 evaluates it by scanning the whole table, so its cost would grow with
     * every message ever stored.
     */
    public Map<ClientKey, MessageInfo> findByClientIds(Connection c, Collection<ClientKey> keys) throws SQLException {
        Map<ClientKey, MessageInfo> found = new HashMap<>();
        try (PreparedStatement lookup = c.prepareStatement(BY_CLIENT_ID)) {
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

    /** Messages with {@code fromSeq <= seq <= toSeq}, ascending, at most {@code limit}. */
    public List<MessageInfo> ascending(Connection c, long convId, long fromSeq, long toSeq, int limit) throws SQLException {
        return Jdbc.list(c, RANGE_ASC, MessageStore::map, convId, fromSeq, toSeq, limit);
    }

    /**
     * The newest {@code limit} messages with {@code fromSeq <= seq <= toSeq}, newest first. Seqs
     * are gapless and messages are never deleted, so these are exactly the seqs
     * (toSeq − limit, toSeq], read as an ascending range: H2 answers {@code ORDER BY seq DESC LIMIT}
     * by walking the index up from {@code fromSeq}, so a page deep in a long conversation would
     * cost as much as the conversation.
     */
    public List<MessageInfo> descending(Connection c, long convId, long fromSeq, long toSeq, int limit) throws SQLException {
        long from = Math.max(fromSeq, toSeq - limit + 1);
        List<MessageInfo> page = Jdbc.list(c, RANGE_ASC, MessageStore::map, convId, from, toSeq, limit);
        Collections.reverse(page);
        return page;
    }

    private static MessageInfo map(ResultSet rs) throws SQLException {
        return new MessageInfo(rs.getLong("id"), rs.getLong("conv_id"), rs.getLong("seq"), rs.getLong("sender_id"),
                rs.getString("client_msg_id"), rs.getString("body"), rs.getLong("created_at"));
    }
}
