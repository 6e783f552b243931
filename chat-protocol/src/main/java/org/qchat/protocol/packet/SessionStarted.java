package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.UserInfo;

/** This connection is logged in. Keep {@code token} to resume later and {@code device} to keep sync cursors. */
@PacketType("session")
public record SessionStarted(String id, String token, UserInfo user, String device, int protocol, long serverTime) implements Response {
}
