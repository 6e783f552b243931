package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Joins an open group. Answered with {@link GroupReply}. */
@PacketType("group.join")
public record JoinGroup(String id, long groupId) implements Request {

    public JoinGroup {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
    }
}
