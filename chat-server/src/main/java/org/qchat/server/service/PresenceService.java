package org.qchat.server.service;

import java.time.Clock;
import java.util.List;

import org.qchat.protocol.packet.PresencePush;
import org.qchat.server.db.Database;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession;
import org.qchat.server.route.Router;
import org.qchat.server.store.FriendStore;
import org.qchat.server.store.SessionStore;

/**
 * Binds logged-in connections to users and tells friends when a user's first device comes
 * online or last device goes offline. Called on the connection's serial executor.
 */
public final class PresenceService {

    private final Database db;
    private final FriendStore friends;
    private final SessionStore sessions;
    private final Router router;
    private final Router friendsNearby;
    private final Clock clock;
    private final java.util.function.LongConsumer beforeLogin;

    public PresenceService(Database db, FriendStore friends, SessionStore sessions, Router router, Clock clock) {
        this(db, friends, sessions, router, router, clock, userId -> { });
    }

    /**
     * @param router        where devices are bound
     * @param friendsNearby where a change is announced: in a cluster, this node's devices only, as
     *                      every node announces what it sees to its own
     * @param beforeLogin   run before a device is bound (a cluster node rereads the user's
     *                      memberships there); may block
     */
    public PresenceService(Database db, FriendStore friends, SessionStore sessions, Router router, Router friendsNearby,
                           Clock clock, java.util.function.LongConsumer beforeLogin) {
        this.db = db;
        this.friends = friends;
        this.sessions = sessions;
        this.router = router;
        this.friendsNearby = friendsNearby;
        this.clock = clock;
        this.beforeLogin = beforeLogin;
    }

    /** Marks the connection logged in as {@code identity}. */
    public void attach(ClientConnection connection, ConnectionSession.Identity identity) {
        beforeLogin.accept(identity.userId());
        connection.session().login(identity);
        if (router.bind(identity.userId(), connection)) {
            announce(identity.userId(), true);
        }
    }

    /**
     * Marks the connection logged out (logout, close). Safe to call when it was not logged in.
     * The session token counts as used until now, so a connection held open for weeks does not
     * find its token expired when it reconnects.
     */
    public void detach(ClientConnection connection) {
        ConnectionSession.Identity identity = connection.session().logout();
        if (identity == null) {
            return;
        }
        long now = clock.millis();
        db.txRun(c -> sessions.touch(c, identity.sessionId(), now));
        if (router.unbind(identity.userId(), connection)) {
            announce(identity.userId(), false);
        }
    }

    /** Tells the user's friends on this node (all of them, on a single server) that it came or went. */
    public void announce(long userId, boolean online) {
        List<Long> friendIds = db.tx(c -> friends.friendIds(c, userId));
        friendsNearby.sendToUsers(friendIds, new PresencePush(userId, online), null);
    }
}
