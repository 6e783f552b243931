package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Lists pending friend requests. Answered with {@link FriendRequestList}. */
@PacketType("friend.requests")
public record ListFriendRequests(String id) implements Request {

    public ListFriendRequests {
        Check.requestId(id);
    }
}
