package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Lets only the owner and admins send, or everyone again (owner and admins). Answered with {@link Ok}. */
@PacketType("group.mute.all")
public record MuteAll(String id, long groupId, boolean muted) implements Request {

    public MuteAll {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
    }
}
