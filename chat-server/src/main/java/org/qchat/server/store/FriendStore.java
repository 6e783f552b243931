package org.qchat.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.qchat.server.db.Tx;
import org.qchat.server.db.Jdbc;

/** Friendships (one row per direction) and pending friend requests. */
public final class FriendStore {

    /** One side of a friendship, with the remark this side gave the other (null if none). */
    public record Friend(long friendId, long convId, String remark) {
    }

    /** A pending request. */
    public record RequestRecord(long id, long fromId, long toId, String note, long createdAt) {
    }

    private static final String ARE_FRIENDS = "SELECT 1 FROM friendships WHERE user_id = ? AND friend_id = ?";
    private static final String COUNT_FRIENDS = "SELECT COUNT(*) FROM friendships WHERE user_id = ?";
    private static final String COUNT_OUTGOING = "SELECT COUNT(*) FROM friend_requests WHERE from_id = ?";
    private static final String FRIENDS = "SELECT friend_id, conv_id, remark FROM friendships WHERE user_id = ? ORDER BY friend_id";
    private static final String INSERT = "INSERT INTO friendships (user_id, friend_id, conv_id, created_at) VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM friendships WHERE user_id = ? AND friend_id = ?";
    private static final String REQUEST_COLUMNS = "id, from_id, to_id, note, created_at";
    private static final String REQUEST_BETWEEN = "SELECT " + REQUEST_COLUMNS + " FROM friend_requests WHERE from_id = ? AND to_id = ?";
    private static final String REQUEST_BY_ID = "SELECT " + REQUEST_COLUMNS + " FROM friend_requests WHERE id = ?";
    private static final String INCOMING = "SELECT " + REQUEST_COLUMNS + " FROM friend_requests WHERE to_id = ? ORDER BY id";
    private static final String OUTGOING = "SELECT " + REQUEST_COLUMNS + " FROM friend_requests WHERE from_id = ? ORDER BY id";
    private static final String INSERT_REQUEST = "INSERT INTO friend_requests (from_id, to_id, note, created_at) VALUES (?, ?, ?, ?)";
    private static final String UPDATE_NOTE = "UPDATE friend_requests SET note = ?, created_at = ? WHERE id = ?";
    private static final String DELETE_REQUEST = "DELETE FROM friend_requests WHERE id = ?";
    private static final String DELETE_REQUESTS_BETWEEN = "DELETE FROM friend_requests WHERE (from_id = ? AND to_id = ?) "
            + "OR (from_id = ? AND to_id = ?)";

    public boolean areFriends(Tx c, long userId, long otherId) throws SQLException {
        return Jdbc.exists(c, ARE_FRIENDS, userId, otherId);
    }

    public List<Friend> friendsOf(Tx c, long userId) throws SQLException {
        return Jdbc.list(c, FRIENDS, rs -> new Friend(rs.getLong("friend_id"), rs.getLong("conv_id"),
                rs.getString("remark")), userId);
    }

    public int countFriends(Tx c, long userId) throws SQLException {
        return Jdbc.one(c, COUNT_FRIENDS, rs -> rs.getInt(1), userId).orElse(0);
    }

    /** Pending requests {@code userId} sent. */
    public int countOutgoing(Tx c, long userId) throws SQLException {
        return Jdbc.one(c, COUNT_OUTGOING, rs -> rs.getInt(1), userId).orElse(0);
    }

    public List<Long> friendIds(Tx c, long userId) throws SQLException {
        return friendsOf(c, userId).stream().map(Friend::friendId).toList();
    }

    public void addFriendship(Tx c, long a, long b, long convId, long now) throws SQLException {
        Jdbc.update(c, INSERT, a, b, convId, now);
        Jdbc.update(c, INSERT, b, a, convId, now);
    }

    public void removeFriendship(Tx c, long a, long b) throws SQLException {
        Jdbc.update(c, DELETE, a, b);
        Jdbc.update(c, DELETE, b, a);
    }

    public Optional<RequestRecord> requestBetween(Tx c, long fromId, long toId) throws SQLException {
        return Jdbc.one(c, REQUEST_BETWEEN, FriendStore::mapRequest, fromId, toId);
    }

    public Optional<RequestRecord> requestById(Tx c, long id) throws SQLException {
        return Jdbc.one(c, REQUEST_BY_ID, FriendStore::mapRequest, id);
    }

    public List<RequestRecord> incoming(Tx c, long userId) throws SQLException {
        return Jdbc.list(c, INCOMING, FriendStore::mapRequest, userId);
    }

    public List<RequestRecord> outgoing(Tx c, long userId) throws SQLException {
        return Jdbc.list(c, OUTGOING, FriendStore::mapRequest, userId);
    }

    public long insertRequest(Tx c, long fromId, long toId, String note, long now) throws SQLException {
        return Jdbc.insert(c, INSERT_REQUEST, fromId, toId, note, now);
    }

    public void updateNote(Tx c, long requestId, String note, long now) throws SQLException {
        Jdbc.update(c, UPDATE_NOTE, note, now, requestId);
    }

    public void deleteRequest(Tx c, long requestId) throws SQLException {
        Jdbc.update(c, DELETE_REQUEST, requestId);
    }

    public void deleteRequestsBetween(Tx c, long a, long b) throws SQLException {
        Jdbc.update(c, DELETE_REQUESTS_BETWEEN, a, b, b, a);
    }

    private static RequestRecord mapRequest(ResultSet rs) throws SQLException {
        return new RequestRecord(rs.getLong("id"), rs.getLong("from_id"), rs.getLong("to_id"), rs.getString("note"),
                rs.getLong("created_at"));
    }
}
