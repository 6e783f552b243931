package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.GroupInfo;

/** You are now a member of this group (created, joined or invited). */
@PacketType("group.joined")
public record GroupJoinedPush(GroupInfo group) implements Push {
}
