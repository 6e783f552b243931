package org.qchat.server.handler;

import org.qchat.protocol.Request;
import org.qchat.server.service.ChatException;

/**
 * Handles one request type. Runs on the requesting connection's serial executor (a worker
 * thread), so it may block on the database; it must answer exactly once, through the context —
 * by replying, by throwing, or later through {@link RequestContext#replyWhenDone}.
 */
public interface PacketHandler<T extends Request> {

    Class<T> type();

    /** False only for the requests allowed before login. */
    default boolean requiresLogin() {
        return true;
    }

    void handle(RequestContext context, T request) throws ChatException;
}
