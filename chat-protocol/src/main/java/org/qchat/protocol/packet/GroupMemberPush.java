package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.MemberInfo;

/** A group you are in changed: {@code change} is joined, left, kicked or role. */
@PacketType("group.member")
public record GroupMemberPush(long groupId, MemberInfo member, String change) implements Push {
}
