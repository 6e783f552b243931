package org.qchat.server.service;

import java.time.Clock;
import java.util.List;

import org.qchat.server.db.Database;
import org.qchat.server.route.ConnectionSession;
import org.qchat.server.route.Router;
import org.qchat.server.store.SessionStore;

/**
 * Deletes session tokens that have not been used for longer than the token idle time. A token
 * whose connection is still open counts as in use: it is refreshed first, so a device that stays
 * connected for weeks can still resume after its next disconnect.
 */
public final class SessionJanitor {

    private final Database db;
    private final SessionStore sessions;
    private final Router router;
    private final Clock clock;
    private final long tokenIdleMillis;

    public SessionJanitor(Database db, SessionStore sessions, Router router, Clock clock, long tokenIdleMillis) {
        this.db = db;
        this.sessions = sessions;
        this.router = router;
        this.clock = clock;
        this.tokenIdleMillis = tokenIdleMillis;
    }

    /** Returns how many tokens were deleted. */
    public int purgeIdle() {
        long now = clock.millis();
        List<Long> live = router.localConnections().stream()
                .map(connection -> connection.session().identity())
                .filter(identity -> identity != null)
                .map(ConnectionSession.Identity::sessionId)
                .toList();
        return db.tx(c -> {
            for (long sessionId : live) {
                sessions.touch(c, sessionId, now);
            }
            return sessions.deleteIdleSince(c, now - tokenIdleMillis);
        });
    }
}
