package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** You are no longer a member: {@code reason} is left, kicked or dissolved. */
@PacketType("group.left")
public record GroupLeftPush(long groupId, String reason) implements Push {
}
