package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Removes a member (owner: anyone; admin: plain members). */
@PacketType("group.kick")
public record KickMember(String id, long groupId, long userId) implements Request {

    public KickMember {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
        Check.positive(userId, "userId");
    }
}
