package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Ends a friendship, for both sides. */
@PacketType("friend.remove")
public record RemoveFriend(String id, long userId) implements Request {

    public RemoveFriend {
        Check.requestId(id);
        Check.positive(userId, "userId");
    }
}
