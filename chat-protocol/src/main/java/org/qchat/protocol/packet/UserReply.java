package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.UserInfo;

/** One user's public profile. */
@PacketType("user")
public record UserReply(String id, UserInfo user) implements Response {
}
