package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Leaves a group. The owner cannot leave; they dissolve it. */
@PacketType("group.leave")
public record LeaveGroup(String id, long groupId) implements Request {

    public LeaveGroup {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
    }
}
