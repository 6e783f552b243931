package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Disables (disconnects, refuses logins) or re-enables an account (server admins only). */
@PacketType("admin.user.disable")
public record DisableUser(String id, String username, boolean disabled) implements Request {

    public DisableUser {
        Check.requestId(id);
        Check.required(username, "username");
    }
}
