package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Blocks a user: they can no longer message you or send you friend requests. */
@PacketType("user.block")
public record BlockUser(String id, long userId) implements Request {

    public BlockUser {
        Check.requestId(id);
        Check.positive(userId, "userId");
    }
}
