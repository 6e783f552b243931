package org.qchat.client.transport;

import org.qchat.protocol.Request;

/**
 * One link to the chat server that reconnects by itself. Requests go out as frames; everything the
 * server sends comes back through the {@link TransportListener}. Knows nothing of sessions, ids
 * or replies: that is {@code core}'s business.
 */
public interface ChatTransport {

    /**
     * Starts connecting to {@code address} and keeps the link up (reconnecting with back-off after
     * any drop or failed attempt) until {@link #close()}. Returns at once; the outcome arrives via
     * {@code listener}. Call once per transport.
     */
    void connect(ServerAddress address, TransportListener listener);

    /**
     * Queues a request for sending.
     *
     * @return false if there is no link at the moment (nothing was sent)
     * @throws IllegalArgumentException the encoded frame exceeds the server's announced maxFrame
     */
    boolean send(Request request);

    /** Tells the transport the largest frame body the server accepts (from {@code welcome}). */
    void setMaxOutboundFrame(int bytes);

    /** Drops the current link, for example when the server stopped answering pings; the transport reconnects. */
    void reset(String reason);

    /** Closes the link for good; no reconnection and no further callbacks. Does not block. */
    void close();
}
