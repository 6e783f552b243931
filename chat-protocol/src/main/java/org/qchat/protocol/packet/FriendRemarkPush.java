package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** The user's remark for a friend changed (on this device or another of theirs); {@code ""} when cleared. */
@PacketType("friend.remark.changed")
public record FriendRemarkPush(long userId, String remark) implements Push {
}
