package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Logs in with a password. Answered with {@link SessionStarted}. */
@PacketType("login")
public record Login(String id, int protocol, String username, String password, String device) implements Request {

    public Login {
        Check.requestId(id);
        Check.required(username, "username");
        Check.required(password, "password");
    }
}
