package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** A friend came online (first device) or went offline (last device). */
@PacketType("presence")
public record PresencePush(long userId, boolean online) implements Push {
}
