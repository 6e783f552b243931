package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;

/** The message is committed to the database. A resend with the same clientMsgId gets this same answer. */
@PacketType("msg.sent")
public record MessageSent(String id, String clientMsgId, long msgId, long convId, long seq, long time) implements Response {
}
