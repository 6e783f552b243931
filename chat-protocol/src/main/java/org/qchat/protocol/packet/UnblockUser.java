package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Removes a block. */
@PacketType("user.unblock")
public record UnblockUser(String id, long userId) implements Request {

    public UnblockUser {
        Check.requestId(id);
        Check.positive(userId, "userId");
    }
}
