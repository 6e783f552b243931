package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** The server is about to close this connection, and why. */
@PacketType("bye")
public record ByePush(String reason, String message) implements Push {
}
