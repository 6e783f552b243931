package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;

/** Answer to {@link Ping}; {@code time} is the server clock in epoch milliseconds. */
@PacketType("pong")
public record Pong(String id, long time) implements Response {
}
