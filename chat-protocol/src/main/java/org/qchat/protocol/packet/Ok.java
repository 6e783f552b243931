package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;

/** The request succeeded and has nothing else to say. */
@PacketType("ok")
public record Ok(String id) implements Response {
}
