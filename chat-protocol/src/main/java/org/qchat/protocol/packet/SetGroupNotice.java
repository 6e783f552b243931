package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Sets the group notice (owner and admins); an empty text clears it. Answered with {@link Ok}. */
@PacketType("group.notice")
public record SetGroupNotice(String id, long groupId, String text) implements Request {

    public SetGroupNotice {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
        Check.required(text, "text");
    }
}
