package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.FriendInfo;

/** You and this user are now friends. */
@PacketType("friend.added")
public record FriendAddedPush(FriendInfo friend) implements Push {
}
