package org.qchat.protocol.packet;

import java.util.List;
import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.MemberInfo;

/** A group's members. */
@PacketType("group.members.list")
public record MemberList(String id, long groupId, List<MemberInfo> members) implements Response {

    public MemberList {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
