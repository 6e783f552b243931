package org.qchat.protocol;

/**
 * A packet sent by a client that the server answers exactly once, with a {@link Response}
 * (or an {@link org.qchat.protocol.packet.ErrorReply}) carrying the same {@link #id()}.
 */
public interface Request extends Packet {

    /** Client-chosen correlation id, echoed in the reply. 1–64 characters. */
    String id();
}
