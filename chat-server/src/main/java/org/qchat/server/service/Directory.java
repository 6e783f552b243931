package org.qchat.server.service;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

import org.qchat.server.db.Tx;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.server.store.FriendStore;
import org.qchat.server.store.UserRecord;
import org.qchat.server.store.UserStore;

/** Turns stored ids into the user views the protocol sends. */
public final class Directory {

    private final UserStore users;

    public Directory(UserStore users) {
        this.users = users;
    }

    public UserInfo user(Tx c, long userId) throws SQLException, ChatException {
        return users.findById(c, userId).map(UserRecord::toInfo)
                .orElseThrow(() -> ChatException.notFound("no such user"));
    }

    public Map<Long, UserRecord> users(Tx c, Collection<Long> ids) throws SQLException {
        return users.findByIds(c, ids);
    }

    public FriendRequestInfo request(Tx c, FriendStore.RequestRecord r) throws SQLException, ChatException {
        return new FriendRequestInfo(r.id(), user(c, r.fromId()), user(c, r.toId()), r.note(), r.createdAt());
    }
}
