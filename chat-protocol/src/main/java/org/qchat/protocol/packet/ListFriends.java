package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Lists your friends with presence. Answered with {@link FriendList}. */
@PacketType("friend.list")
public record ListFriends(String id) implements Request {

    public ListFriends {
        Check.requestId(id);
    }
}
