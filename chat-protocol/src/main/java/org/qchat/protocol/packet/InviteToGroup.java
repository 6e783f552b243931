package org.qchat.protocol.packet;

import java.util.List;
import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Adds friends of yours to a group you are a member of. */
@PacketType("group.invite")
public record InviteToGroup(String id, long groupId, List<Long> userIds) implements Request {

    public InviteToGroup {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
        Check.required(userIds, "userIds");
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }
}
