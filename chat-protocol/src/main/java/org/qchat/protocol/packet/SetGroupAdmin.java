package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Grants or revokes the admin role (owner only). */
@PacketType("group.admin")
public record SetGroupAdmin(String id, long groupId, long userId, boolean admin) implements Request {

    public SetGroupAdmin {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
        Check.positive(userId, "userId");
    }
}
