package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Asks for the delivered and read cursors of a conversation's members. */
@PacketType("receipts")
public record ListReceipts(String id, long convId) implements Request {

    public ListReceipts {
        Check.requestId(id);
        Check.positive(convId, "convId");
    }
}
