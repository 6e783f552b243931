package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Lists the groups you are a member of. Answered with {@link GroupList}. */
@PacketType("group.list")
public record ListGroups(String id) implements Request {

    public ListGroups {
        Check.requestId(id);
    }
}
