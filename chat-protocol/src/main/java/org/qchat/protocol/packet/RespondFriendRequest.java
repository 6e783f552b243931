package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Accepts or declines a friend request sent to you. */
@PacketType("friend.respond")
public record RespondFriendRequest(String id, long requestId, boolean accept) implements Request {

    public RespondFriendRequest {
        Check.requestId(id);
        Check.positive(requestId, "requestId");
    }
}
