package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** Your friend request was declined. */
@PacketType("friend.declined")
public record FriendDeclinedPush(long requestId, long userId) implements Push {
}
