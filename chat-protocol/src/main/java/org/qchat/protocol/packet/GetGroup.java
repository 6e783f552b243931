package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** One group's public details. Answered with {@link GroupReply}. */
@PacketType("group.get")
public record GetGroup(String id, long groupId) implements Request {

    public GetGroup {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
    }
}
