package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Changes the password and revokes every other session token of the account. */
@PacketType("password.change")
public record ChangePassword(String id, String oldPassword, String newPassword) implements Request {

    public ChangePassword {
        Check.requestId(id);
        Check.required(oldPassword, "oldPassword");
        Check.required(newPassword, "newPassword");
    }
}
