package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Stores this device's cursor: it holds every message of the conversation up to {@code seq}. */
@PacketType("sync.ack")
public record AckCursor(String id, long convId, long seq) implements Request {

    public AckCursor {
        Check.requestId(id);
        Check.positive(convId, "convId");
        Check.notNegative(seq, "seq");
    }
}
