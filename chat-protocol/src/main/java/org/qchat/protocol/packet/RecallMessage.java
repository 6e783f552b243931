package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/**
 * Recalls message {@code seq} of a conversation: its sender within the server's recall window, or a
 * group's owner or admin. Answered with {@link Ok}; every member's devices get {@link MessageRecalledPush}.
 */
@PacketType("msg.recall")
public record RecallMessage(String id, long convId, long seq) implements Request {

    public RecallMessage {
        Check.requestId(id);
        Check.positive(convId, "convId");
        Check.positive(seq, "seq");
    }
}
