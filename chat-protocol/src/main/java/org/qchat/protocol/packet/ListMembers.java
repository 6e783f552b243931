package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Lists a group's members with role and presence. Answered with {@link MemberList}. */
@PacketType("group.members")
public record ListMembers(String id, long groupId) implements Request {

    public ListMembers {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
    }
}
