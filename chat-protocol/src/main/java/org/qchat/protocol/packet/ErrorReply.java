package org.qchat.protocol.packet;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;

/** The request failed; nothing was changed. {@code id} is null when the request id could not be read. */
@PacketType("error")
public record ErrorReply(String id, ErrorCode code, String message) implements Response {
}
