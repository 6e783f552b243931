package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Asks a user to become friends. If they already asked you, you become friends at once. */
@PacketType("friend.request")
public record SendFriendRequest(String id, long userId, String note) implements Request {

    public SendFriendRequest {
        Check.requestId(id);
        Check.positive(userId, "userId");
    }
}
