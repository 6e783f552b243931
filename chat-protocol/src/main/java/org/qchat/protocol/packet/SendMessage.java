package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Sends a text message to a conversation. Answered with {@link MessageSent} once stored durably. */
@PacketType("msg.send")
public record SendMessage(String id, long convId, String clientMsgId, String text) implements Request {

    public SendMessage {
        Check.requestId(id);
        Check.positive(convId, "convId");
        Check.required(clientMsgId, "clientMsgId");
        Check.required(text, "text");
    }
}
