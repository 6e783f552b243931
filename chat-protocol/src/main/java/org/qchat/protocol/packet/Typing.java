package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/**
 * Tells the peer of a private conversation that you are typing. Answered with {@link Ok}; never
 * stored, and at most one {@link TypingPush} per user and conversation every few seconds.
 */
@PacketType("typing")
public record Typing(String id, long convId) implements Request {

    public Typing {
        Check.requestId(id);
        Check.positive(convId, "convId");
    }
}
