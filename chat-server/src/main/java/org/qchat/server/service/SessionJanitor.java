package org.qchat.server.service;

import java.time.Clock;

import org.qchat.server.db.Database;
import org.qchat.server.store.SessionStore;

/** Deletes session tokens that have not been used for longer than the token idle time. */
public final class SessionJanitor {

    private final Database db;
    private final SessionStore sessions;
    private final Clock clock;
    private final long tokenIdleMillis;

    public SessionJanitor(Database db, SessionStore sessions, Clock clock, long tokenIdleMillis) {
        this.db = db;
        this.sessions = sessions;
        this.clock = clock;
        this.tokenIdleMillis = tokenIdleMillis;
    }

    /** Returns how many tokens were deleted. */
    public int purgeIdle() {
        long cutoff = clock.millis() - tokenIdleMillis;
        return db.tx(c -> sessions.deleteIdleSince(c, cutoff));
    }
}
