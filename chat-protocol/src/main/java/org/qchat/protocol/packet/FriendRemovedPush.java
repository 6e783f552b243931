package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** This user is no longer your friend. */
@PacketType("friend.removed")
public record FriendRemovedPush(long userId) implements Push {
}
