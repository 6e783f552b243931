package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.UserInfo;

/** A friend (or you, on another device) changed their profile. */
@PacketType("user.updated")
public record UserUpdatedPush(UserInfo user) implements Push {
}
