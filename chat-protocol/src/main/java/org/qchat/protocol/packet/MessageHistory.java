package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** The newest messages with seq less than {@code beforeSeq} (or the newest at all). Answered with {@link MessagePage}, oldest first. */
@PacketType("msg.history")
public record MessageHistory(String id, long convId, Long beforeSeq, Integer limit) implements Request {

    public MessageHistory {
        Check.requestId(id);
        Check.positive(convId, "convId");
    }
}
