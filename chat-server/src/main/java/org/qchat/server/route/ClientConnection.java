package org.qchat.server.route;

import java.util.concurrent.Executor;

import org.qchat.protocol.Packet;

/**
 * One client connection, as the services see it: who is logged in on it and how to reach it.
 * Sends never block: they queue the frame for the connection's I/O thread.
 */
public interface ClientConnection {

    /** A short id for logs. */
    String id();

    /** Remote address for logs: {@code ip:port}. */
    String remoteAddress();

    /**
     * The remote IP alone, as per-address limits count it: {@link #remoteAddress()} without its
     * port (and without brackets around an IPv6 address).
     */
    default String remoteHost() {
        String address = remoteAddress();
        int colon = address.lastIndexOf(':');
        if (colon > 0 && colon < address.length() - 1
                && address.chars().skip(colon + 1).allMatch(Character::isDigit)) {
            address = address.substring(0, colon);
        }
        if (address.length() > 1 && address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        return address;
    }

    /** The login state of this connection. */
    ConnectionSession session();

    /** Runs tasks of this connection one at a time, in submission order, off the I/O thread. */
    Executor serialExecutor();

    /** Encodes and queues a packet. */
    void send(Packet packet);

    /** Queues an already-encoded frame (shared by many connections; must not be modified). */
    void sendFrame(byte[] frame);

    /**
     * Queues a frame and runs {@code written} once it has been written to the socket (on an I/O
     * thread; never if the connection closes first). Lets a sender keep one large frame at a time
     * in the queue.
     */
    void sendFrame(byte[] frame, Runnable written);

    /** Sends {@code bye} and closes once it has been written (or at once if the peer is gone). */
    void closeWith(Packet bye, String reason);

    /** Closes now. */
    void close(String reason);

    boolean isClosed();
}
