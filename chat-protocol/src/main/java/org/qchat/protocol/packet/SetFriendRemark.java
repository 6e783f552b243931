package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Gives a friend a name only the user sees (备注); {@code ""} clears it. */
@PacketType("friend.remark")
public record SetFriendRemark(String id, long userId, String remark) implements Request {

    public SetFriendRemark {
        Check.requestId(id);
        Check.positive(userId, "userId");
        Check.required(remark, "remark");
    }
}
