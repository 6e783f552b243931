package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Moves the user's read cursor: every message of the conversation up to {@code seq} has been seen. */
@PacketType("msg.read")
public record MarkRead(String id, long convId, long seq) implements Request {

    public MarkRead {
        Check.requestId(id);
        Check.positive(convId, "convId");
        Check.notNegative(seq, "seq");
    }
}
