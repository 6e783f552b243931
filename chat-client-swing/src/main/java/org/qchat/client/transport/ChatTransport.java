package org.qchat.client.transport;

import org.qchat.protocol.Request;

/**
 * One link to the chat server that reconnects by itself, to the next of the server's addresses
 * when the current one fails. Requests and file data go out as frames; everything the
 * server sends comes back through the {@link TransportListener}. Knows nothing of sessions, ids
 * or replies: that is {@code core}'s business.
 */
public interface ChatTransport {

    /**
     * Starts connecting to the first of {@code servers} and keeps a link up until {@link #close()}.
     * After a drop or a failed attempt the next address in the list is tried at once (round robin);
     * once every address has failed in turn, the next round waits with back-off. Returns at once;
     * the outcome arrives via {@code listener}. Call once per transport.
     */
    void connect(ServerList servers, TransportListener listener);

    /**
     * Queues a request for sending.
     *
     * @return false if there is no link at the moment (nothing was sent)
     * @throws IllegalArgumentException the encoded frame exceeds the server's announced maxFrame
     */
    boolean send(Request request);

    /**
     * Queues an already-encoded frame, length prefix included: a data frame of an upload
     * ({@link org.qchat.protocol.FileChunk#frame}). Received data frames arrive through
     * {@link TransportListener#packetReceived} as {@link org.qchat.protocol.FileChunk}s.
     *
     * @return false if there is no link at the moment (nothing was sent)
     * @throws IllegalArgumentException the frame's body exceeds the server's announced maxFrame
     */
    boolean sendFrame(byte[] frame);

    /** Tells the transport the largest frame body the server accepts (from {@code welcome}). */
    void setMaxOutboundFrame(int bytes);

    /** Drops the current link, for example when the server stopped answering pings; the transport reconnects. */
    void reset(String reason);

    /**
     * While no link is up and the next attempt waits out its back-off, starts that attempt now.
     * Does nothing while a link is up or an attempt is in progress.
     */
    default void retryNow() {
    }

    /** Closes the link for good; no reconnection and no further callbacks. Does not block. */
    void close();
}
