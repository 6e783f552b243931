package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Logs in with a session token from an earlier {@link SessionStarted}. Answered with {@link SessionStarted}. */
@PacketType("resume")
public record Resume(String id, int protocol, String token, String device) implements Request {

    public Resume {
        Check.requestId(id);
        Check.required(token, "token");
    }
}
