package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Revokes this connection's session token; the connection stays open, logged out. */
@PacketType("logout")
public record Logout(String id) implements Request {

    public Logout {
        Check.requestId(id);
    }
}
