package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Creates an account and logs this connection in. Answered with {@link SessionStarted}. */
@PacketType("register")
public record Register(String id, int protocol, String username, String password, String nickname, String device) implements Request {

    public Register {
        Check.requestId(id);
        Check.required(username, "username");
        Check.required(password, "password");
    }
}
