package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Lists the users you blocked. Answered with {@link UserList}. */
@PacketType("user.blocked")
public record ListBlocked(String id) implements Request {

    public ListBlocked {
        Check.requestId(id);
    }
}
