package org.qchat.server.handler;

import org.qchat.protocol.Request;
import org.qchat.server.service.ChatException;

/**
 * Handles one request type. Runs on the requesting connection's serial executor (a worker
 * thread), so it may block on the database — unless it declares that it never blocks
 * ({@link #neverBlocks()}); it must answer exactly once, through the context — by replying, by
 * throwing, or later through {@link RequestContext#replyWhenDone}.
 */
public interface PacketHandler<T extends Request> {

    Class<T> type();

    /** False only for the requests allowed before login. */
    default boolean requiresLogin() {
        return true;
    }

    /**
     * True for a handler that only does work in memory and queues the rest (no database, no
     * hashing, no file read, no waiting). It then runs on the I/O thread that decoded the request
     * whenever none of the connection's earlier requests is still queued or running, saving the
     * hand-off to a worker.
     */
    default boolean neverBlocks() {
        return false;
    }

    /** {@link #neverBlocks()} for this one request: a handler whose requests differ decides per request. */
    default boolean neverBlocks(T request) {
        return neverBlocks();
    }

    void handle(RequestContext context, T request) throws ChatException;
}
