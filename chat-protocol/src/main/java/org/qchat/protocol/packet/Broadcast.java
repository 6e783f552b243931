package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Sends an announcement to every user (server admins only). Answered with {@link MessageSent}. */
@PacketType("broadcast")
public record Broadcast(String id, String clientMsgId, String text) implements Request {

    public Broadcast {
        Check.requestId(id);
        Check.required(clientMsgId, "clientMsgId");
        Check.required(text, "text");
    }
}
