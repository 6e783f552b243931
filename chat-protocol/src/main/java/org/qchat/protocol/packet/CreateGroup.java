package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;
import org.qchat.protocol.model.JoinPolicy;

/** Creates a group; you become its owner. Answered with {@link GroupReply}. */
@PacketType("group.create")
public record CreateGroup(String id, String name, JoinPolicy joinPolicy) implements Request {

    public CreateGroup {
        Check.requestId(id);
        Check.required(name, "name");
    }
}
