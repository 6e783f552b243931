package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** Sent by the server right after a connection opens: its protocol version and limits. */
@PacketType("welcome")
public record Welcome(int protocol, String server, int maxFrame, int heartbeatSeconds) implements Push {
}
