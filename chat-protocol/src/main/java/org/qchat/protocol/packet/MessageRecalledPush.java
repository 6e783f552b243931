package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** Message {@code seq} of a conversation of yours was recalled by user {@code by} at {@code time}: its content is gone. */
@PacketType("msg.recalled")
public record MessageRecalledPush(long convId, long seq, long by, long time) implements Push {
}
