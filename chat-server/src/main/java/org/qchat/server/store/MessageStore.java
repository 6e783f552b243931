package org.qchat.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.db.Jdbc;

/** Stored messages. Reads go through the (conv_id, seq) unique index, one seq range at a time. */
public final class MessageStore {

    private static final String COLUMNS = "id, conv_id, seq, sender_id, client_msg_id, body, created_at";
    private static final String INSERT = "INSERT INTO messages (conv_id, seq, sender_id, client_msg_id, body, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    private static final String BY_CLIENT_ID = "SELECT " + COLUMNS + " FROM messages WHERE sender_id = ? AND client_msg_id = ?";
    private static final String RANGE_ASC = "SELECT " + COLUMNS + " FROM messages WHERE conv_id = ? AND seq >= ? AND seq <= ? "
            + "ORDER BY seq LIMIT ?";
    private static final String RANGE_DESC = "SELECT " + COLUMNS + " FROM messages WHERE conv_id = ? AND seq >= ? AND seq <= ? "
            + "ORDER BY seq DESC LIMIT ?";

    public long insert(Connection c, long convId, long seq, long senderId, String clientMsgId, String text, long now)
            throws SQLException {
        return Jdbc.insert(c, INSERT, convId, seq, senderId, clientMsgId, text, now);
    }

    public Optional<MessageInfo> findByClientId(Connection c, long senderId, String clientMsgId) throws SQLException {
        return Jdbc.one(c, BY_CLIENT_ID, MessageStore::map, senderId, clientMsgId);
    }

    /** Messages with {@code fromSeq <= seq <= toSeq}, ascending, at most {@code limit}. */
    public List<MessageInfo> ascending(Connection c, long convId, long fromSeq, long toSeq, int limit) throws SQLException {
        return Jdbc.list(c, RANGE_ASC, MessageStore::map, convId, fromSeq, toSeq, limit);
    }

    /** Messages with {@code fromSeq <= seq <= toSeq}, newest first, at most {@code limit}. */
    public List<MessageInfo> descending(Connection c, long convId, long fromSeq, long toSeq, int limit) throws SQLException {
        return Jdbc.list(c, RANGE_DESC, MessageStore::map, convId, fromSeq, toSeq, limit);
    }

    private static MessageInfo map(ResultSet rs) throws SQLException {
        return new MessageInfo(rs.getLong("id"), rs.getLong("conv_id"), rs.getLong("seq"), rs.getLong("sender_id"),
                rs.getString("client_msg_id"), rs.getString("body"), rs.getLong("created_at"));
    }
}
