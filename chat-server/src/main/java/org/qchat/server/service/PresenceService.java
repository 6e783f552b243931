package org.qchat.server.service;

import java.util.List;

import org.qchat.protocol.packet.PresencePush;
import org.qchat.server.db.Database;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession;
import org.qchat.server.route.Router;
import org.qchat.server.store.FriendStore;

/**
 * Binds logged-in connections to users and tells friends when a user's first device comes
 * online or last device goes offline. Called on the connection's serial executor.
 */
public final class PresenceService {

    private final Database db;
    private final FriendStore friends;
    private final Router router;

    public PresenceService(Database db, FriendStore friends, Router router) {
        this.db = db;
        this.friends = friends;
        this.router = router;
    }

    /** Marks the connection logged in as {@code identity}. */
    public void attach(ClientConnection connection, ConnectionSession.Identity identity) {
        connection.session().login(identity);
        if (router.bind(identity.userId(), connection)) {
            announce(identity.userId(), true);
        }
    }

    /** Marks the connection logged out (logout, close). Safe to call when it was not logged in. */
    public void detach(ClientConnection connection) {
        ConnectionSession.Identity identity = connection.session().logout();
        if (identity != null && router.unbind(identity.userId(), connection)) {
            announce(identity.userId(), false);
        }
    }

    private void announce(long userId, boolean online) {
        List<Long> friendIds = db.tx(c -> friends.friendIds(c, userId));
        router.sendToUsers(friendIds, new PresencePush(userId, online), null);
    }
}
