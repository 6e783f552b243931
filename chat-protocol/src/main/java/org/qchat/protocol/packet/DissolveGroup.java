package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Dissolves a group (owner only). Its history stays readable to past members. */
@PacketType("group.dissolve")
public record DissolveGroup(String id, long groupId) implements Request {

    public DissolveGroup {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
    }
}
