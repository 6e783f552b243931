package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** User {@code userId} is typing in private conversation {@code convId}: show it for a few seconds. */
@PacketType("typing.user")
public record TypingPush(long convId, long userId) implements Push {
}
