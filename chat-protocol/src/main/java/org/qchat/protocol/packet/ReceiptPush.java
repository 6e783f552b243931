package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** A user's delivered or read cursor in a conversation moved (yours, on another device, or a peer's). */
@PacketType("receipt")
public record ReceiptPush(long convId, long userId, long delivered, long read) implements Push {
}
