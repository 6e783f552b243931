package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Sets a user's password and revokes their sessions (server admins only). */
@PacketType("admin.password.reset")
public record ResetPassword(String id, String username, String newPassword) implements Request {

    public ResetPassword {
        Check.requestId(id);
        Check.required(username, "username");
        Check.required(newPassword, "newPassword");
    }
}
