package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.FriendRequestInfo;

/** Someone asked to become your friend. */
@PacketType("friend.request.new")
public record FriendRequestPush(FriendRequestInfo request) implements Push {
}
