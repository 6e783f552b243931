package org.qchat.client.transport;

import org.qchat.protocol.Packet;

/**
 * What a {@link ChatTransport} reports. Implementations of the transport call these on their own
 * I/O threads; wrap a listener in {@link DispatchingListener} to receive them on one thread.
 */
public interface TransportListener {

    /** The link is up: the first connection, or a reconnection after a drop. */
    void connected();

    /**
     * A connection attempt failed (the first one or a reconnection). The transport keeps trying (the
     * server's next address at once, a new round of them with back-off) until it is closed.
     */
    void connectFailed(String reason);

    /** An established link went down. The transport reconnects unless it was closed. */
    void disconnected(String reason);

    /** A packet arrived from the server. */
    void packetReceived(Packet packet);
}
